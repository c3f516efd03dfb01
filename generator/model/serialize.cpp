#include "model/serialize.hpp"

#include <algorithm>
#include <cstring>

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

// The escape of byte `c` (one that needs_json_escape), written at `out`; returns its end.
char* write_escape(char* out, unsigned char c) {
    *out++ = '\\';
    switch (c) {
        case '"':
        case '\\': *out++ = static_cast<char>(c); break;
        case '\n': *out++ = 'n'; break;
        case '\r': *out++ = 'r'; break;
        case '\t': *out++ = 't'; break;
        default: {
            constexpr char hex[] = "0123456789abcdef";
            for (char d : {'u', '0', '0', hex[c >> 4], hex[c & 0xF]}) *out++ = d;
        }
    }
    return out;
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    // Runs of bytes that need no escape (nearly all of them) are copied at once.
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t run = next_json_escape(s, i);
        out.append(s, i, run - i);
        if (run == s.size()) break;
        char escape[8];
        out.append(escape, write_escape(escape, static_cast<unsigned char>(s[run])));
        i = run + 1;
    }
    out += '"';
}

char* write_json_string(char* out, std::string_view s) {
    *out++ = '"';
    // Eight bytes at a time while none needs an escape (there is room: each byte has six),
    // then up to eight one at a time: past the one that stopped them, or the last few.
    auto clean = [](std::uint64_t w) {
        return !(swar::bytes_below(w, 0x20) | swar::bytes_equal(w, '"') | swar::bytes_equal(w, '\\'));
    };
    for (std::size_t i = 0;;) {
        for (; i + 8 <= s.size(); i += 8) {
            const std::uint64_t w = swar::load(s.data() + i);
            if (!clean(w)) break;
            std::memcpy(out, &w, 8);
            out += 8;
        }
        // The last few as the string's last eight, over the same bytes written before them,
        // when none of the eight needs an escape (most strings: ids, numbers, summaries).
        if (i < s.size() && i + 8 > s.size() && s.size() >= 8) {
            const std::size_t last = s.size() - 8;
            if (const std::uint64_t w = swar::load(s.data() + last); clean(w)) {
                std::memcpy(out - (i - last), &w, 8);
                out += s.size() - i;
                break;
            }
        }
        for (const std::size_t end = std::min(s.size(), i + 8); i < end; ++i) {
            const auto c = static_cast<unsigned char>(s[i]);
            out = needs_json_escape(c) ? write_escape(out, c) : (*out = static_cast<char>(c), out + 1);
        }
        if (i == s.size()) break;
    }
    *out++ = '"';
    return out;
}

std::string json_string(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    append_json_string(out, s);
    return out;
}

void append_csv_cell(std::string& out, std::string_view s) {
    const std::size_t at = out.size();
    out.resize(at + csv_room(s));
    out.resize(static_cast<std::size_t>(write_csv_cell(out.data() + at, s) - out.data()));
}

char* write_csv_cell(char* out, std::string_view s) {
    auto put = [&](std::string_view piece) {
        std::memcpy(out, piece.data(), piece.size());
        out += piece.size();
    };
    // A spreadsheet reads a cell that starts with = + - @ (or a tab or CR before them) as a
    // formula: "=cmd|' /C calc'!A0" would run. A leading apostrophe makes it text.
    const char first = s.empty() ? 'a' : s.front();
    const bool formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    const bool quoted =
        std::any_of(s.begin(), s.end(), [](char c) { return c == ',' || c == '"' || c == '\n' || c == '\r'; });
    if (!formula && !quoted) {
        put(s);
        return out;
    }
    put(formula ? "\"'" : "\"");
    // the runs between quotes at once, each quote doubled
    for (std::size_t i = 0;;) {
        const std::size_t quote = s.find('"', i);
        put(s.substr(i, quote == std::string_view::npos ? std::string_view::npos : quote + 1 - i));
        if (quote == std::string_view::npos) break;
        *out++ = '"';
        i = quote + 1;
    }
    *out++ = '"';
    return out;
}

std::string csv_cell(std::string_view s) {
    std::string out;
    append_csv_cell(out, s);
    return out;
}

void append_csv_row(std::string& out, std::initializer_list<std::string_view> fields) {
    const std::size_t at = out.size();
    out.resize(at + csv_row_room(fields));
    out.resize(static_cast<std::size_t>(write_csv_row(out.data() + at, fields) - out.data()));
}

std::size_t csv_row_room(std::initializer_list<std::string_view> fields) {
    std::size_t room = 2;
    for (std::string_view field : fields) room += csv_room(field) + 1;
    return room;
}

char* write_csv_row(char* out, std::initializer_list<std::string_view> fields) {
    bool first = true;
    for (std::string_view field : fields) {
        if (!first) *out++ = ',';
        first = false;
        out = write_csv_cell(out, field);
    }
    *out++ = '\r';
    *out++ = '\n';
    return out;
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
