#include "base/atomic_file.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk {

namespace {

std::string describe(const std::filesystem::path& path, std::string_view what, int err) {
    return std::string(what) + " " + path.string() + ": " + std::strerror(err);
}

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

bool fsync_directory(const std::filesystem::path& dir, std::string& error) {
    const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        error = describe(dir, "cannot open directory", errno);
        return false;
    }
    const bool ok = ::fsync(fd) == 0;
    if (!ok) error = describe(dir, "cannot fsync directory", errno);
    ::close(fd);
    return ok;
}

constexpr std::string_view kTempMarker = ".tmp-";

} // namespace

bool write_file_atomically(const std::filesystem::path& path, std::string_view bytes, std::string& error) {
    static std::atomic<unsigned> counter{0};
    const std::filesystem::path dir = path.parent_path();
    // Hidden, and named after our pid so a later start can tell a dead writer's leftovers.
    const std::filesystem::path temp = dir / ("." + path.filename().string() + std::string(kTempMarker) +
                                              std::to_string(::getpid()) + "-" + std::to_string(counter++));

    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        error = describe(temp, "cannot create", errno);
        return false;
    }
    if (!write_all(fd, bytes)) {
        error = describe(temp, "cannot write", errno);
    } else if (::fsync(fd) != 0) {
        error = describe(temp, "cannot fsync", errno);
    } else {
        error.clear();
    }
    if (::close(fd) != 0 && error.empty()) error = describe(temp, "cannot close", errno);
    if (error.empty() && ::rename(temp.c_str(), path.c_str()) != 0) error = describe(path, "cannot rename over", errno);
    if (!error.empty()) {
        ::unlink(temp.c_str());
        return false;
    }
    return fsync_directory(dir, error);   // makes the rename itself durable
}

bool append_file_synced(const std::filesystem::path& path, std::string_view text, std::string& error) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) {
        error = "cannot open " + path.string() + ": " + std::strerror(errno);
        return false;
    }
    const ssize_t written = ::write(fd, text.data(), text.size());
    const int write_errno = errno;
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (written != static_cast<ssize_t>(text.size()) || !synced) {
        error = "cannot append to " + path.string() + ": " + std::strerror(written < 0 ? write_errno : errno);
        return false;
    }
    return true;
}

std::optional<std::string> read_whole_file(const std::filesystem::path& path, std::size_t max_bytes, std::string& error) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = describe(path, "cannot open", errno);
        return std::nullopt;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        error = "cannot read " + path.string() + ": not a regular file";
        ::close(fd);
        return std::nullopt;
    }
    std::string text;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) continue;
            error = describe(path, "cannot read", errno);
            ::close(fd);
            return std::nullopt;
        }
        if (n == 0) break;
        // Checked while reading: the file may grow after fstat.
        if (text.size() + static_cast<std::size_t>(n) > max_bytes) {
            error = "cannot read " + path.string() + ": larger than the " + std::to_string(max_bytes) + "-byte limit";
            ::close(fd);
            return std::nullopt;
        }
        text.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    error.clear();
    return text;
}

int remove_stale_temporary_files(const std::filesystem::path& dir) {
    int removed = 0;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        const std::size_t marker = name.rfind(kTempMarker);
        if (name.empty() || name[0] != '.' || marker == std::string::npos) continue;
        const std::string rest = name.substr(marker + kTempMarker.size());
        const std::size_t dash = rest.find('-');
        if (dash == std::string::npos || dash == 0) continue;
        const std::string pid_text = rest.substr(0, dash);
        if (pid_text.find_first_not_of("0123456789") != std::string::npos || pid_text.size() > 9) continue;
        const pid_t pid = static_cast<pid_t>(std::stol(pid_text));
        const bool alive = ::kill(pid, 0) == 0 || errno == EPERM;
        if (!alive && std::filesystem::remove(entry.path(), ec)) ++removed;
    }
    return removed;
}

} // namespace kiosk
