#include "admin/pin_hash.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <charconv>

namespace kiosk {

namespace {

constexpr std::string_view kScheme = "pbkdf2-sha256";
constexpr int kMinIterations = 1000;
constexpr int kMaxIterations = 10000000;   // a hostile config must not hang the PIN pad
constexpr std::size_t kHashBytes = 32;
constexpr std::size_t kSaltBytes = 16;

std::string base64_encode(std::string_view bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3), '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

// Strict: canonical padded base64 only, so one hash has one spelling.
std::optional<std::string> base64_decode(std::string_view text) {
    if (text.empty() || text.size() % 4 != 0) return std::nullopt;
    const auto is_b64 = [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    };
    const std::size_t padding = text.ends_with("==") ? 2 : text.ends_with("=") ? 1 : 0;
    if (!std::all_of(text.begin(), text.end() - static_cast<std::ptrdiff_t>(padding), is_b64)) return std::nullopt;
    std::string out(3 * text.size() / 4, '\0');
    const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
    if (n < 0) return std::nullopt;
    out.resize(static_cast<std::size_t>(n) - padding);   // EVP_DecodeBlock counts padding as zero bytes
    if (base64_encode(out) != text) return std::nullopt;
    return out;
}

std::string pbkdf2(std::string_view pin, std::string_view salt, int iterations) {
    std::string out(kHashBytes, '\0');
    PKCS5_PBKDF2_HMAC(pin.data(), static_cast<int>(pin.size()), reinterpret_cast<const unsigned char*>(salt.data()),
                      static_cast<int>(salt.size()), iterations, EVP_sha256(), static_cast<int>(out.size()),
                      reinterpret_cast<unsigned char*>(out.data()));
    return out;
}

std::optional<PinHash> fail(std::string* error, std::string message) {
    if (error) *error = std::move(message);
    return std::nullopt;
}

} // namespace

bool is_valid_pin(std::string_view pin) {
    return pin.size() >= 4 && pin.size() <= 8 && std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string format_pin_hash(const PinHash& h) {
    return std::string(kScheme) + "$" + std::to_string(h.iterations) + "$" + base64_encode(h.salt) + "$" +
           base64_encode(h.hash);
}

std::optional<PinHash> parse_pin_hash(std::string_view text, std::string* error) {
    std::string_view parts[4];
    std::size_t count = 0;
    for (std::size_t start = 0;;) {
        const std::size_t end = text.find('$', start);
        if (count == 4) return fail(error, "has more than 4 $-separated parts");
        parts[count++] = text.substr(start, end == std::string_view::npos ? end : end - start);
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    if (count != 4 || parts[0] != kScheme)
        return fail(error, "is not \"pbkdf2-sha256$ITERATIONS$SALT$HASH\"; make one with `kiosk hash-pin`");
    PinHash h;
    const auto [end, ec] = std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), h.iterations);
    if (ec != std::errc() || end != parts[1].data() + parts[1].size() || h.iterations < kMinIterations ||
        h.iterations > kMaxIterations)
        return fail(error, "has iterations \"" + std::string(parts[1]) + "\", not a number from " +
                               std::to_string(kMinIterations) + " to " + std::to_string(kMaxIterations));
    auto salt = base64_decode(parts[2]);
    if (!salt || salt->size() < 8) return fail(error, "has a salt that is not base64 of at least 8 bytes");
    auto hash = base64_decode(parts[3]);
    if (!hash || hash->size() != kHashBytes) return fail(error, "has a hash that is not base64 of 32 bytes");
    h.salt = std::move(*salt);
    h.hash = std::move(*hash);
    return h;
}

std::string hash_pin_with_salt(std::string_view pin, std::string_view salt, int iterations) {
    return format_pin_hash({iterations, std::string(salt), pbkdf2(pin, salt, iterations)});
}

std::optional<std::string> hash_pin(std::string_view pin, std::string* error) {
    if (!is_valid_pin(pin)) {
        if (error) *error = "a PIN is 4 to 8 digits";
        return std::nullopt;
    }
    std::string salt(kSaltBytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), static_cast<int>(salt.size())) != 1) {
        if (error) *error = "the system random generator failed";
        return std::nullopt;
    }
    return hash_pin_with_salt(pin, salt);
}

bool verify_pin(std::string_view pin, std::string_view stored) {
    const auto h = parse_pin_hash(stored);
    if (!h) return false;
    const std::string candidate = pbkdf2(pin, h->salt, h->iterations);
    return CRYPTO_memcmp(candidate.data(), h->hash.data(), kHashBytes) == 0;
}

} // namespace kiosk
