#include "sources/http_fetcher.h"

#include "local_http_server.h"

#include <catch2/catch.hpp>

#include <mutex>
#include <random>
#include <thread>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

// The issue's limits, scaled down so the failure cases finish quickly.
FetchOptions fast_options() {
    FetchOptions o;
    o.connect_timeout = 1s;
    o.total_timeout = 3s;
    o.low_speed_bytes_per_second = 1024;
    o.low_speed_time = 1s;
    o.max_body_bytes = 64 * 1024;
    return o;
}

const std::string kDoc = R"({"format":"lvliang-kiosk-feed/1"})";

} // namespace

TEST_CASE("a 200 stores the validators and the next GET is a cheap 304", "[http_fetcher]") {
    test::LocalHttpServer http;
    std::string noise(4000, ' ');   // incompressible, so the 200 really is bigger on the wire
    std::mt19937 rng(7);
    for (char& c : noise) c = "0123456789abcdef"[rng() % 16];
    std::mutex m;
    std::vector<httplib::Headers> requests;
    http.server().Get("/feed.json", [&](const httplib::Request& req, httplib::Response& res) {
        {
            std::lock_guard lock(m);
            requests.push_back(req.headers);
        }
        if (req.get_header_value("If-None-Match") == "\"v1\"") {
            res.status = 304;
            return;
        }
        res.set_header("ETag", "\"v1\"");
        res.set_header("Last-Modified", "Sat, 16 May 2020 11:30:00 GMT");
        res.set_content(kDoc + noise, "application/json");
    });

    HttpFetcher fetcher(http.url("/feed.json"), fast_options());
    const FetchResult first = fetcher.fetch();
    REQUIRE(first.ok());
    CHECK(first.status == 200);
    CHECK_FALSE(first.not_modified);
    CHECK(first.body.substr(0, kDoc.size()) == kDoc);
    CHECK(fetcher.etag() == "\"v1\"");
    CHECK(fetcher.last_modified() == "Sat, 16 May 2020 11:30:00 GMT");

    const FetchResult second = fetcher.fetch();
    REQUIRE(second.ok());
    CHECK(second.status == 304);
    CHECK(second.not_modified);
    CHECK(second.body.empty());
    CHECK(second.bytes_received > 0);
    CHECK(second.bytes_received < first.bytes_received / 4);   // headers only

    std::lock_guard lock(m);
    REQUIRE(requests.size() == 2);
    CHECK(requests[0].count("If-None-Match") == 0);
    CHECK(requests[1].find("If-None-Match")->second == "\"v1\"");
    CHECK(requests[1].find("If-Modified-Since")->second == "Sat, 16 May 2020 11:30:00 GMT");
    CHECK(requests[0].find("User-Agent")->second.rfind("lvliang-kiosk/0.1.0 libcurl/", 0) == 0);
    CHECK(requests[0].find("Accept-Encoding")->second.find("gzip") != std::string::npos);
}

TEST_CASE("a gzip-encoded response is decoded and costs fewer bytes", "[http_fetcher]") {
    test::LocalHttpServer http;
    const std::string big = "[" + std::string(20000, ' ') + kDoc + "]";
    http.server().Get("/feed.json", [&](const httplib::Request& req, httplib::Response& res) {
        if (req.get_header_value("Accept-Encoding").find("gzip") == std::string::npos) {
            res.status = 406;
            return;
        }
        res.set_header("Content-Encoding", "gzip");
        res.set_content(test::gzip(big), "application/octet-stream");   // a type httplib won't compress again
    });
    HttpFetcher fetcher(http.url("/feed.json"), fast_options());
    const FetchResult r = fetcher.fetch();
    REQUIRE(r.ok());
    CHECK(r.body == big);
    CHECK(r.bytes_received < big.size() / 10);
}

TEST_CASE("HTTP errors name the URL and status and keep the validators", "[http_fetcher]") {
    test::LocalHttpServer http;
    int status = 200;
    http.server().Get("/feed.json", [&](const httplib::Request&, httplib::Response& res) {
        res.status = status;
        res.set_header("ETag", "\"v" + std::to_string(status) + "\"");
        res.set_content(status == 200 ? kDoc : "error page", "application/json");
    });
    HttpFetcher fetcher(http.url("/feed.json"), fast_options());
    REQUIRE(fetcher.fetch().ok());
    for (int code : {404, 500}) {
        status = code;
        const FetchResult r = fetcher.fetch();
        CHECK_FALSE(r.ok());
        CHECK(r.status == code);
        CHECK(r.body.empty());
        CHECK(r.error_kind == "http " + std::to_string(code));
        CHECK(r.error == "GET " + http.url("/feed.json") + ": HTTP " + std::to_string(code) +
                             (code == 404 ? " Not Found" : " Internal Server Error"));
        CHECK(fetcher.etag() == "\"v200\"");
    }
}

TEST_CASE("a refused connection is reported as such", "[http_fetcher]") {
    test::RawSocket closed(false);
    HttpFetcher fetcher(closed.url("/feed.json"), fast_options());
    const FetchResult r = fetcher.fetch();
    CHECK_FALSE(r.ok());
    CHECK(r.status == 0);
    CHECK(r.error_kind == "refused");
    CHECK(r.error.find("GET " + closed.url("/feed.json") + ": ") == 0);
}

TEST_CASE("a server that never answers hits the total timeout", "[http_fetcher]") {
    test::RawSocket silent(true);
    FetchOptions o = fast_options();
    o.total_timeout = 300ms;
    o.low_speed_time = 30s;
    HttpFetcher fetcher(silent.url("/feed.json"), o);
    const FetchResult r = fetcher.fetch();
    CHECK(r.error_kind == "timeout");
    CHECK(r.error.find("timed out") != std::string::npos);
}

TEST_CASE("a slow drip is aborted by the low-speed limit", "[http_fetcher]") {
    test::LocalHttpServer http;
    http.server().Get("/feed.json", [&](const httplib::Request&, httplib::Response& res) {
        res.set_chunked_content_provider("application/json", [&](size_t, httplib::DataSink& sink) {
            http.nap(100ms);   // 10 bytes a second, far under 1 KB/s
            return !http.stopping() && sink.write(" ", 1);
        });
    });
    FetchOptions o = fast_options();
    o.total_timeout = 20s;
    HttpFetcher fetcher(http.url("/feed.json"), o);
    const FetchResult r = fetcher.fetch();
    CHECK(r.error_kind == "timeout");
    CHECK(r.error.find("too slow") != std::string::npos);
}

TEST_CASE("a body cut short is reported as truncated", "[http_fetcher]") {
    test::LocalHttpServer http;
    http.server().Get("/feed.json", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content_provider(1000, "application/json", [](size_t offset, size_t, httplib::DataSink& sink) {
            if (offset >= 500) return false;   // the server gives up half-way and closes the connection
            return sink.write(std::string(500, ' ').data(), 500);
        });
    });
    HttpFetcher fetcher(http.url("/feed.json"), fast_options());
    const FetchResult r = fetcher.fetch();
    CHECK_FALSE(r.ok());
    CHECK(r.error_kind == "truncated");
    CHECK(r.body.empty());
}

TEST_CASE("bodies over the size cap are refused, announced, chunked or compressed", "[http_fetcher]") {
    test::LocalHttpServer http;
    const std::string big(100 * 1024, ' ');
    http.server().Get("/announced", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(big, "application/json");
    });
    http.server().Get("/chunked", [&](const httplib::Request&, httplib::Response& res) {
        res.set_chunked_content_provider("application/json", [&](size_t offset, httplib::DataSink& sink) {
            if (offset >= big.size()) {
                sink.done();
                return true;
            }
            return sink.write(big.data(), 8192);
        });
    });
    http.server().Get("/bomb", [&](const httplib::Request&, httplib::Response& res) {
        res.set_header("Content-Encoding", "gzip");
        res.set_content(test::gzip(std::string(4 << 20, ' ')), "application/octet-stream");
    });
    for (const char* path : {"/announced", "/chunked", "/bomb"}) {
        HttpFetcher fetcher(http.url(path), fast_options());
        const FetchResult r = fetcher.fetch();
        INFO(path);
        CHECK(r.error_kind == "too large");
        CHECK(r.error == "GET " + http.url(path) + ": response larger than the 64 KB limit");
        CHECK(r.body.empty());
    }
}

TEST_CASE("redirects are followed up to five times, loops are cut", "[http_fetcher]") {
    test::LocalHttpServer http;
    http.server().Get(R"(/hop/(\d+))", [&](const httplib::Request& req, httplib::Response& res) {
        const int left = std::stoi(req.matches[1]);
        if (left == 0) res.set_content(kDoc, "application/json");
        else res.set_redirect("/hop/" + std::to_string(left - 1));
    });
    http.server().Get("/loop", [&](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop"); });

    HttpFetcher five(http.url("/hop/5"), fast_options());
    const FetchResult ok = five.fetch();
    REQUIRE(ok.ok());
    CHECK(ok.body == kDoc);
    CHECK(ok.effective_url == http.url("/hop/0"));

    HttpFetcher six(http.url("/hop/6"), fast_options());
    CHECK(six.fetch().error_kind == "redirects");

    HttpFetcher loop(http.url("/loop"), fast_options());
    const FetchResult r = loop.fetch();
    CHECK(r.error_kind == "redirects");
    CHECK(r.error.find("GET " + http.url("/loop")) == 0);
}

TEST_CASE("only http and https are fetched, also after a redirect", "[http_fetcher]") {
    test::LocalHttpServer http;
    http.server().Get("/to-file", [&](const httplib::Request&, httplib::Response& res) {
        res.set_redirect("file:///etc/passwd");
    });
    HttpFetcher redirected(http.url("/to-file"), fast_options());
    const FetchResult r = redirected.fetch();
    CHECK(r.error_kind == "protocol");
    CHECK(r.body.empty());
    CHECK(r.error.find("file") != std::string::npos);

    for (const char* url : {"file:///etc/passwd", "ftp://127.0.0.1/feed.json"}) {
        HttpFetcher direct(url, fast_options());
        CHECK(direct.fetch().error_kind == "protocol");
    }
}

TEST_CASE("TLS certificates are verified", "[http_fetcher]") {
    // A self-signed certificate for 127.0.0.1 that no system CA vouches for.
    test::LocalHttpServer https(TEST_DATA_DIR "/tls/selfsigned.crt", TEST_DATA_DIR "/tls/selfsigned.key");
    std::atomic<int> served{0};
    https.server().Get("/feed.json", [&](const httplib::Request&, httplib::Response& res) {
        ++served;
        res.set_content(kDoc, "application/json");
    });
    HttpFetcher fetcher(https.url("/feed.json"), fast_options());
    const FetchResult r = fetcher.fetch();
    CHECK(r.error_kind == "tls");
    CHECK(r.error.find("certificate") != std::string::npos);
    CHECK(r.body.empty());
    CHECK(served == 0);
}

TEST_CASE("a fetch is cancelled soon after the flag turns", "[http_fetcher]") {
    test::RawSocket silent(true);
    FetchOptions o = fast_options();
    o.total_timeout = 60s;
    o.low_speed_time = 60s;
    HttpFetcher fetcher(silent.url("/feed.json"), o);
    std::atomic<bool> cancel{false};
    std::thread canceller([&] {
        std::this_thread::sleep_for(100ms);
        cancel = true;
    });
    const FetchResult r = fetcher.fetch(&cancel);
    canceller.join();
    CHECK(r.error_kind == "cancelled");
}

TEST_CASE("URLs are told from paths and credentials kept out of logs", "[http_fetcher]") {
    CHECK(looks_like_url("https://example.org/feed.json"));
    CHECK(looks_like_url("HTTP://example.org/"));
    CHECK(looks_like_url("ftp://example.org/feed.json"));
    CHECK_FALSE(looks_like_url("/srv/kiosk/feed.json"));
    CHECK_FALSE(looks_like_url("feeds/feed.json"));
    CHECK_FALSE(looks_like_url("./odd name://x.json"));
    CHECK(redact_url("https://user:secret@example.org/feed.json") == "https://***@example.org/feed.json");
    CHECK(redact_url("https://example.org/a@b.json") == "https://example.org/a@b.json");
    CHECK(redact_url("/srv/feed.json") == "/srv/feed.json");
}
