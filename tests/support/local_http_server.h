// Test helpers: a real HTTP server on 127.0.0.1 (cpp-httplib) on a free port,
// sockets that refuse or never answer, and gzip for compressed responses.
#pragma once

#include <httplib.h>
#include <zlib.h>

#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <memory>
#include <netinet/in.h>
#include <stdexcept>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace kiosk::test {

class LocalHttpServer {
public:
    // With a certificate and key it serves HTTPS instead.
    explicit LocalHttpServer(const std::string& cert_file = "", const std::string& key_file = "")
        : server_(cert_file.empty() ? std::make_unique<httplib::Server>()
                                    : std::make_unique<httplib::SSLServer>(cert_file.c_str(), key_file.c_str())),
          scheme_(cert_file.empty() ? "http" : "https") {
        server_->set_keep_alive_timeout(1);   // idle client connections must not hold up stop()
        port_ = server_->bind_to_any_port("127.0.0.1");
        if (port_ <= 0) throw std::runtime_error("cannot bind a test HTTP server");
        thread_ = std::thread([this] { server_->listen_after_bind(); });
        while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~LocalHttpServer() {
        stopping_ = true;
        server_->stop();
        thread_.join();
    }
    LocalHttpServer(const LocalHttpServer&) = delete;
    LocalHttpServer& operator=(const LocalHttpServer&) = delete;

    httplib::Server& server() { return *server_; }
    int port() const { return port_; }
    std::string url(const std::string& path) const {
        return scheme_ + "://127.0.0.1:" + std::to_string(port_) + path;
    }

    // Handlers that sleep must give up when this turns true, or stop() waits for them.
    bool stopping() const { return stopping_; }
    // Sleeps up to `d`, less if the server stops.
    void nap(std::chrono::milliseconds d) const {
        const auto end = std::chrono::steady_clock::now() + d;
        while (!stopping_ && std::chrono::steady_clock::now() < end) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }

private:
    std::unique_ptr<httplib::Server> server_;
    std::string scheme_;
    int port_ = 0;
    std::thread thread_;
    std::atomic<bool> stopping_{false};
};

// A TCP socket on 127.0.0.1; listening ones accept connections into the
// backlog but never answer, bound-only ones refuse them.
class RawSocket {
public:
    explicit RawSocket(bool listening) {
        fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), len) != 0 ||
            ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0 || (listening && ::listen(fd_, 8) != 0))
            throw std::runtime_error("cannot set up a test socket");
        port_ = ntohs(addr.sin_port);
    }
    ~RawSocket() { ::close(fd_); }
    RawSocket(const RawSocket&) = delete;
    RawSocket& operator=(const RawSocket&) = delete;
    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

private:
    int fd_ = -1;
    int port_ = 0;
};

inline std::string gzip(const std::string& text) {
    z_stream z{};
    if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)   // +16: gzip wrapper
        throw std::runtime_error("deflateInit2 failed");
    std::string out(deflateBound(&z, text.size()), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    z.avail_in = static_cast<uInt>(text.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    if (rc != Z_STREAM_END) throw std::runtime_error("deflate failed");
    return out;
}

} // namespace kiosk::test
