// Test helper: a tiny tmpfs mounted over a directory, to make a disk full or
// read-only for real (ENOSPC, EROFS), which root ignores for file permissions.
// Needs CAP_SYS_ADMIN, as the tests run here and in CI (as root).
#pragma once

#include <filesystem>
#include <string>
#include <sys/mount.h>

namespace kiosk::test {

class SmallMount {
public:
    SmallMount(const std::filesystem::path& dir, std::size_t bytes) : dir_(dir) {
        std::filesystem::create_directories(dir_);
        const std::string options = "size=" + std::to_string(bytes) + ",mode=0755";
        mounted_ = ::mount("tmpfs", dir_.c_str(), "tmpfs", 0, options.c_str()) == 0;
    }
    ~SmallMount() {
        if (mounted_) ::umount2(dir_.c_str(), MNT_DETACH);
    }
    SmallMount(const SmallMount&) = delete;
    SmallMount& operator=(const SmallMount&) = delete;

    bool ok() const { return mounted_; }
    // Keeps the contents; further writes fail with EROFS.
    bool make_read_only() { return ::mount(nullptr, dir_.c_str(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr) == 0; }

private:
    std::filesystem::path dir_;
    bool mounted_ = false;
};

} // namespace kiosk::test
