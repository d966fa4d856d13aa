// Measure 5: bytes on the wire (headers and body as received) for a 200 of a
// feed with and without gzip, and for each 304 poll after it, with HttpFetcher
// against a local cpp-httplib server that answers If-None-Match.
#include "base/embedded.h"
#include "bench.h"
#include "feed_generator.h"
#include "local_http_server.h"
#include "sources/http_fetcher.h"

namespace kiosk::bench {

namespace {

constexpr const char* kEtag = "\"feed-v1\"";

struct Served {
    std::string path;
    std::string body;   // as sent: gzip-compressed or not
    bool gzip = false;
};

void serve(test::LocalHttpServer& http, const Served& doc) {
    http.server().Get(doc.path, [doc](const httplib::Request& req, httplib::Response& res) {
        res.set_header("ETag", kEtag);
        if (req.get_header_value("If-None-Match") == kEtag) {
            res.status = 304;
            return;
        }
        if (doc.gzip) res.set_header("Content-Encoding", "gzip");
        // A type cpp-httplib does not compress on its own, so the encoding is ours to choose.
        res.set_content(doc.body, "application/octet-stream");
    });
}

// One 200 then `polls` conditional GETs; rows for both.
void measure(const std::string& label, const std::string& url, std::size_t document_bytes, int polls, Table& table) {
    HttpFetcher fetcher(url);
    const FetchResult first = fetcher.fetch();
    if (!first.ok() || first.status != 200 || first.body.size() != document_bytes) {
        table.fail("200 of " + label, first.ok() ? "status " + std::to_string(first.status) : first.error);
        return;
    }
    table.add("bytes on the wire, 200 of " + label, format_bytes(static_cast<double>(first.bytes_received)));
    std::vector<double> bytes, ms;
    for (int i = 0; i < polls; ++i) {
        const auto start = std::chrono::steady_clock::now();
        const FetchResult r = fetcher.fetch();
        ms.push_back(ms_since(start));
        if (!r.ok() || !r.not_modified) {
            table.fail("304 poll of " + label, r.ok() ? "status " + std::to_string(r.status) + ", not 304" : r.error);
            return;
        }
        bytes.push_back(static_cast<double>(r.bytes_received));
    }
    const Stats b = stats_of(bytes);
    table.add("bytes on the wire per 304 poll, " + label,
              format_stats(b, "B", 0) + " (min / median / max of " + std::to_string(polls) + " polls; " +
                  format_stats(stats_of(ms), "ms") + " per poll on 127.0.0.1)");
}

} // namespace

void bench_wire_bytes(const BenchOptions& options, Table& table) {
    std::vector<std::pair<std::string, std::string>> documents{
        {"the demo feed", std::string(*embedded_file("config/demo-feed.json"))}};
    for (int size : options.feed_sizes) {
        if (size < 1000) continue;   // the demo stands for small feeds
        FeedGeneratorOptions g;
        g.products = size;
        documents.emplace_back(format_number(size, 0) + " products", generate_feed(g));
    }
    test::LocalHttpServer http;
    int n = 0;
    for (const auto& [name, text] : documents) {
        const Served plain{"/" + std::to_string(n) + "/plain.json", text, false};
        const Served gzipped{"/" + std::to_string(n) + "/gzip.json", test::gzip(text), true};
        ++n;
        serve(http, plain);
        serve(http, gzipped);
        const std::string size = " (" + format_size(static_cast<double>(text.size())) + ")";
        measure(name + size + ", uncompressed", http.url(plain.path), text.size(), 10, table);
        measure(name + ", gzip (zlib level 9)", http.url(gzipped.path), text.size(), options.quick ? 3 : 10, table);
    }
}

} // namespace kiosk::bench
