#include "bench.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>

namespace kiosk::bench {

Stats stats_of(std::vector<double> samples) {
    Stats s;
    s.n = samples.size();
    if (samples.empty()) return s;
    std::sort(samples.begin(), samples.end());
    s.min = samples.front();
    s.max = samples.back();
    const std::size_t mid = samples.size() / 2;
    s.median = samples.size() % 2 ? samples[mid] : (samples[mid - 1] + samples[mid]) / 2;
    return s;
}

std::string format_number(double value, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(value));
    std::string digits = buf;
    const std::size_t dot = digits.find('.');
    std::string whole = digits.substr(0, dot), rest = dot == std::string::npos ? "" : digits.substr(dot);
    for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) whole.insert(static_cast<std::size_t>(i), ",");
    return (value < 0 ? "-" : "") + whole + rest;
}

namespace {

// Enough digits to tell the figures apart: 3 significant, at least.
int decimals_for(double value) {
    const double a = std::fabs(value);
    return a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
}

} // namespace

std::string format_stats(const Stats& s, const char* unit, int decimals) {
    if (s.n == 0) return "no samples";
    const int d = decimals >= 0 ? decimals : decimals_for(s.median);
    return format_number(s.min, d) + " / " + format_number(s.median, d) + " / " + format_number(s.max, d) + " " + unit;
}

std::string format_bytes(double bytes) {
    std::string out = format_number(bytes, 0) + " B";
    if (bytes >= 1024 * 1024) out += " (" + format_number(bytes / (1024 * 1024), 1) + " MB)";
    else if (bytes >= 1024) out += " (" + format_number(bytes / 1024, 1) + " KB)";
    return out;
}

std::string format_size(double bytes) {
    if (bytes >= 1024 * 1024) return format_number(bytes / (1024 * 1024), 1) + " MB";
    if (bytes >= 1024) return format_number(bytes / 1024, 1) + " KB";
    return format_number(bytes, 0) + " B";
}

double ms_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

void Table::add(std::string measure, std::string value) {
    progress(measure + ": " + value);
    rows_.emplace_back(std::move(measure), std::move(value));
}

void Table::fail(std::string measure, std::string why) {
    ++failures_;
    add(std::move(measure), "FAILED: " + why);
}

void Table::print(std::ostream& out) const {
    out << "| measure | value |\n|---|---|\n";
    for (const auto& [measure, value] : rows_) out << "| " << measure << " | " << value << " |\n";
}

void progress(const std::string& line) { std::cerr << "kiosk_bench: " << line << std::endl; }

} // namespace kiosk::bench
