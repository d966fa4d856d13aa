// Admin PINs are stored only as salted PBKDF2-HMAC-SHA256 hashes (OpenSSL):
// "pbkdf2-sha256$ITERATIONS$SALT_BASE64$HASH_BASE64", made by `kiosk hash-pin`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// 4 to 8 ASCII digits: what the PIN pad can type.
bool is_valid_pin(std::string_view pin);

struct PinHash {
    int iterations = 0;
    std::string salt;   // raw bytes
    std::string hash;   // raw bytes (32 for SHA-256)
};

constexpr int kPinHashIterations = 600000;   // OWASP 2023 for PBKDF2-SHA256

// The stored-string form, and back. parse_pin_hash says what is wrong in `error`.
std::string format_pin_hash(const PinHash& h);
std::optional<PinHash> parse_pin_hash(std::string_view text, std::string* error = nullptr);

// Hashes with this salt (tests, and the random-salt call below).
std::string hash_pin_with_salt(std::string_view pin, std::string_view salt, int iterations = kPinHashIterations);

// Hashes with 16 fresh random bytes of salt; nullopt (and `error`) when the PIN
// is not valid or the system has no randomness to give.
std::optional<std::string> hash_pin(std::string_view pin, std::string* error = nullptr);

// True when `pin` matches `stored` (a format_pin_hash string); compares in
// constant time. False for any malformed `stored`.
bool verify_pin(std::string_view pin, std::string_view stored);

} // namespace kiosk
