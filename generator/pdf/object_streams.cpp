#include "pdf/object_streams.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <vector>

#include "package/deflate.hpp"

namespace protopub::pdf::detail {

namespace {

long number_after(const std::string& s, const std::string& key, std::size_t from) {
    const auto at = s.find(key, from);
    return at == std::string::npos ? -1 : std::strtol(s.c_str() + at + key.size(), nullptr, 10);
}

// A classic cross-reference entry's field of `width` digits ("0000012345"): its value, or -1
// when any is not a digit. Read by hand: strtoul for each of a long document's entries was
// most of reading the table.
long entry_field(const char* digits, int width) {
    long value = 0;
    for (int k = 0; k < width; ++k) {
        if (digits[k] < '0' || digits[k] > '9') return -1;
        value = value * 10 + (digits[k] - '0');
    }
    return value;
}

// One cross-reference stream entry: a type byte, four bytes of offset (or object stream
// number), and `width3` bytes of generation (or index in the object stream).
void put_entry(std::string& out, int type, std::uint32_t field2, std::uint32_t field3, int width3) {
    out += static_cast<char>(type);
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((field2 >> shift) & 0xFF);
    for (int shift = 8 * (width3 - 1); shift >= 0; shift -= 8) out += static_cast<char>((field3 >> shift) & 0xFF);
}

// Where ">>" last occurs in `text` (npos: nowhere), as text.rfind(">>") finds it, by
// memrchr from one '>' to the one before: rfind compares at every byte, and a stream
// object's text is its whole stream (most of a PDF's bytes) after its dictionary.
std::size_t last_dictionary_end(std::string_view text) {
    for (std::size_t end = text.size(); end >= 2;) {
        const void* found = memrchr(text.data(), '>', end);
        if (!found) return std::string_view::npos;
        const auto at = static_cast<std::size_t>(static_cast<const char*>(found) - text.data());
        if (at >= 1 && text[at - 1] == '>') return at - 1;
        end = at;
    }
    return std::string_view::npos;
}

}  // namespace

// Every stream at the fastest level (package/deflate.hpp): a long document is megabytes of
// page contents, font programs and small dictionaries, and zlib's level 1 was still a sixth
// of the work of a redline in every format.
bool deflated(std::string_view in, std::string& out) { return package::deflate(in, out, package::Wrapping::zlib); }

std::string pack_objects(const std::string& pdf) {
    // The classic table: "xref\n0 N\n" then N entries of 20 bytes.
    const auto startxref = pdf.rfind("startxref");
    if (startxref == std::string::npos) return {};
    const std::size_t table = std::strtoul(pdf.c_str() + startxref + 9, nullptr, 10);
    if (table >= pdf.size() || pdf.compare(table, 4, "xref") != 0) return {};
    std::size_t at = pdf.find('\n', table) + 1;
    const long first = std::strtol(pdf.c_str() + at, nullptr, 10);
    const long count = number_after(pdf, " ", at);
    at = pdf.find('\n', at) + 1;
    if (first != 0 || count < 2 || at + std::size_t(count) * 20 > pdf.size()) return {};
    const auto trailer = pdf.find("trailer", at);
    const long root = number_after(pdf, "/Root ", trailer), info = number_after(pdf, "/Info ", trailer);
    if (trailer == std::string::npos || root <= 0) return {};

    struct Object {
        long number = 0;
        std::size_t offset = 0, end = 0;
    };
    std::vector<Object> objects;
    for (long n = 1; n < count; ++n) {
        const char* entry = pdf.c_str() + at + n * 20;  // "oooooooooo ggggg n\r\n"
        const long offset = entry_field(entry, 10);
        if (entry[17] != 'n' || entry_field(entry + 11, 5) != 0 || offset < 0) return {};  // libharu frees nothing
        objects.push_back({n, static_cast<std::size_t>(offset), 0});
    }
    std::vector<Object> by_offset = objects;
    std::sort(by_offset.begin(), by_offset.end(), [](const Object& a, const Object& b) { return a.offset < b.offset; });
    for (std::size_t k = 0; k < by_offset.size(); ++k)
        by_offset[k].end = k + 1 < by_offset.size() ? by_offset[k + 1].offset : table;

    // Streams stay as they are (copied whole: the object up to its "endobj"); every other
    // object's text goes into the object stream.
    std::vector<std::pair<long, std::string_view>> streams, small;  // number, text
    std::size_t stream_bytes = 0, small_bytes = 0;
    for (const auto& o : by_offset) {
        const std::string head = std::to_string(o.number) + " 0 obj";
        if (o.end <= o.offset || pdf.compare(o.offset, head.size(), head) != 0) return {};
        const std::size_t body = o.offset + head.size();
        const std::size_t close = pdf.rfind("endobj", o.end);
        if (close == std::string::npos || close < body) return {};
        const std::string_view text(pdf.data() + body, close - body);
        const auto dict_end = last_dictionary_end(text);
        if (dict_end != std::string_view::npos && text.find("stream", dict_end) != std::string_view::npos) {
            streams.emplace_back(o.number, std::string_view(pdf).substr(o.offset, close + 6 - o.offset));
            stream_bytes += streams.back().second.size() + 1;
        } else {
            small.emplace_back(o.number, text.substr(text.find_first_not_of(" \r\n")));
            small_bytes += small.back().second.size() + 1;
        }
    }

    // The object stream, deflated before the file is put together: the file's copy then takes
    // the memory the stream's text leaves rather than fresh pages. The stream: a header of each
    // object's number and where its text starts, then the texts.
    std::vector<std::pair<int, std::uint32_t>> where(count + 2, {0, 0});  // type, offset or (stream index)
    std::string packed_text;
    std::size_t text_at = 0;
    for (std::size_t k = 0; k < small.size(); ++k) {
        where[small[k].first] = {2, static_cast<std::uint32_t>(k)};
        packed_text += std::to_string(small[k].first) + " " + std::to_string(text_at) + " ";
        text_at += small[k].second.size() + 1;
    }
    const std::size_t first_object = packed_text.size();
    packed_text.reserve(first_object + small_bytes);
    for (const auto& [number, text] : small) {
        packed_text += text;
        packed_text += '\n';
    }
    std::string compressed;
    if (!deflated(packed_text, compressed)) return {};
    std::string().swap(packed_text);

    const long packed = static_cast<long>(small.size());
    const long packed_stream = count, xref_stream = count + 1;
    std::string out = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
    // (and room for the object stream's and the cross-reference stream's dictionaries)
    out.reserve(out.size() + stream_bytes + compressed.size() + 5 * std::size_t(count) + 512);
    for (const auto& [number, text] : streams) {
        where[number] = {1, static_cast<std::uint32_t>(out.size())};
        out += text;
        out += '\n';
    }
    where[packed_stream] = {1, static_cast<std::uint32_t>(out.size())};
    out += std::to_string(packed_stream) + " 0 obj\n<< /Type /ObjStm /N " + std::to_string(packed) + " /First " +
           std::to_string(first_object) + " /Filter /FlateDecode /Length " + std::to_string(compressed.size()) +
           " >>\nstream\n" + compressed + "\nendstream\nendobj\n";

    where[xref_stream] = {1, static_cast<std::uint32_t>(out.size())};
    // An index in the object stream takes two bytes up to 65,535 objects, more beyond.
    const int width3 = packed <= 0xFFFF ? 2 : packed <= 0xFFFFFF ? 3 : 4;
    std::string entries;
    put_entry(entries, 0, 0, (1u << (8 * width3 - 1) << 1) - 1, width3);
    for (long n = 1; n < count + 2; ++n) {
        const auto [type, value] = where[n];
        // In use: its offset; packed: the object stream's number and its index in it.
        if (type == 2)
            put_entry(entries, 2, static_cast<std::uint32_t>(packed_stream), value, width3);
        else
            put_entry(entries, type, value, 0, width3);
    }
    if (!deflated(entries, compressed)) return {};
    const std::size_t xref_at = out.size();
    out += std::to_string(xref_stream) + " 0 obj\n<< /Type /XRef /Size " + std::to_string(count + 2) + " /W [1 4 " +
           std::to_string(width3) + "] /Root " + std::to_string(root) + " 0 R" +
           (info > 0 ? " /Info " + std::to_string(info) + " 0 R" : std::string()) + " /Filter /FlateDecode /Length " +
           std::to_string(compressed.size()) + " >>\nstream\n" + compressed + "\nendstream\nendobj\nstartxref\n" +
           std::to_string(xref_at) + "\n%%EOF\n";
    return out;
}

}  // namespace protopub::pdf::detail
