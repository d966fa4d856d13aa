#include "import/csv.h"

namespace kiosk {

namespace {

bool is_blank(const CsvRecord& r) { return r.fields.size() == 1 && r.fields[0].empty(); }

} // namespace

CsvTable parse_csv(std::string_view text) {
    CsvTable table;
    std::size_t i = 0;
    int line = 1;
    int row = 0;
    const std::size_t n = text.size();
    while (i < n) {
        CsvRecord record;
        record.row = ++row;
        record.line = line;
        bool record_done = false;
        bool quoted_any = false;   // a record of one empty quoted field ("") is not blank
        while (!record_done) {
            std::string field;
            if (i < n && text[i] == '"') {
                quoted_any = true;
                ++i;
                bool closed = false;
                while (i < n) {
                    const char c = text[i];
                    if (c == '"') {
                        if (i + 1 < n && text[i + 1] == '"') {
                            field += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (c == '\n') ++line;
                    field += c;
                    ++i;
                }
                if (!closed) {
                    table.error = CsvError{row, int(record.fields.size()) + 1,
                                           "a quoted field is never closed (a \" is missing)",
                                           "引号内的字段没有结束（缺少一个 \"）"};
                    return table;
                }
                if (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
                    table.error = CsvError{row, int(record.fields.size()) + 1,
                                           "text after the closing quote; write a quote inside a quoted field as \"\"",
                                           "右引号后还有文字；字段内的引号应写成 \"\""};
                    return table;
                }
            } else {
                while (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n') field += text[i++];
            }
            record.fields.push_back(std::move(field));
            if (i >= n) {
                record_done = true;
            } else if (text[i] == ',') {
                ++i;
            } else {   // CRLF, LF, or a lone CR (old Mac exports)
                if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
                ++i;
                ++line;
                record_done = true;
            }
        }
        if (quoted_any || !is_blank(record)) table.records.push_back(std::move(record));
    }
    return table;
}

} // namespace kiosk
