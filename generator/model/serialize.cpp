#include "model/serialize.hpp"

#include <algorithm>
#include <cstdio>

#include "model/swar.hpp"

namespace protopub::model {

namespace {
bool needs_json_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

// The first byte from `i` on that JSON must escape, or s.size(): eight bytes at a time
// while none of them is a quote, a backslash or a control byte.
std::size_t next_json_escape(std::string_view s, std::size_t i) {
    for (;;) {
        for (; i + 8 <= s.size(); i += 8) {
            const std::uint64_t w = swar::load(s.data() + i);
            if (swar::bytes_below(w, 0x20) | swar::bytes_equal(w, '"') | swar::bytes_equal(w, '\\')) break;
        }
        for (const std::size_t end = std::min(s.size(), i + 8); i < end; ++i)
            if (needs_json_escape(static_cast<unsigned char>(s[i]))) return i;
        if (i == s.size()) return i;
    }
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    // Runs of bytes that need no escape (nearly all of them) are copied at once.
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t run = next_json_escape(s, i);
        out.append(s, i, run - i);
        if (run == s.size()) break;
        const auto c = static_cast<unsigned char>(s[run]);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            }
        }
        i = run + 1;
    }
    out += '"';
}

std::string json_string(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    append_json_string(out, s);
    return out;
}

void append_csv_cell(std::string& out, std::string_view s) {
    // A spreadsheet reads a cell that starts with = + - @ (or a tab or CR before them) as a
    // formula: "=cmd|' /C calc'!A0" would run. A leading apostrophe makes it text.
    const char first = s.empty() ? 'a' : s.front();
    const bool formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    const bool quoted =
        std::any_of(s.begin(), s.end(), [](char c) { return c == ',' || c == '"' || c == '\n' || c == '\r'; });
    if (!formula && !quoted) {
        out += s;
        return;
    }
    out += formula ? "\"'" : "\"";
    // the runs between quotes at once, each quote doubled
    for (std::size_t i = 0;;) {
        const std::size_t quote = s.find('"', i);
        out.append(s.substr(i, quote == std::string_view::npos ? std::string_view::npos : quote + 1 - i));
        if (quote == std::string_view::npos) break;
        out += '"';
        i = quote + 1;
    }
    out += '"';
}

std::string csv_cell(std::string_view s) {
    std::string out;
    append_csv_cell(out, s);
    return out;
}

void append_csv_row(std::string& out, std::initializer_list<std::string_view> fields) {
    bool first = true;
    for (std::string_view field : fields) {
        if (!first) out += ',';
        first = false;
        append_csv_cell(out, field);
    }
    out += "\r\n";
}

std::string csv_row(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t k = 0; k < fields.size(); ++k) {
        if (k) out += ',';
        append_csv_cell(out, fields[k]);
    }
    return out + "\r\n";
}

}  // namespace protopub::model
