#include "bad-input/generators.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <cstdint>
#include <functional>
#include <map>
#include <vector>

#include "package/bytes.hpp"
#include "support.hpp"

namespace bad_input {

using protopub::package::put16;
using protopub::package::put32;

namespace {

std::string front_matter() {
    return "---\ntitle: Generated Protocol\ncouncil: Test Council\nversion: \"1\"\nstatus: draft\n---\n\n";
}

std::string big_source() {
    std::string s = front_matter();
    s.reserve(51u << 20);
    for (int section = 1; s.size() < (50u << 20); ++section) {
        s += "## " + std::to_string(section) + ". Section\n\n";
        for (int clause = 1; clause <= 100; ++clause)
            s += std::to_string(section) + "." + std::to_string(clause) +
                 " Councillors and officers work together with mutual respect, and each clause of this "
                 "protocol says how, in words a clerk can edit in any text editor.\n\n";
    }
    return s;
}

std::string many_clauses() {
    std::string s = front_matter() + "## 1. Everything\n\n";
    for (int clause = 1; clause <= 10000; ++clause)
        s += "1." + std::to_string(clause) + " Councillors and officers work together, clause after clause.\n\n";
    return s;
}

std::string deep_lists() {
    // "- - - item" nests a list in a list on one line (indenting 5,000 levels would
    // take 25 MB and hit the size limit first).
    std::string s = front_matter() + "## 1. Deep\n\n1.1 A clause with nested lists:\n\n";
    for (int depth = 0; depth < 5000; ++depth) s += "- ";
    return s + "item\n";
}

std::string deep_quotes() {
    return front_matter() + "## 1. Deep\n\n1.1 A clause with nested quotes:\n\n" + std::string(100000, '>') + " text\n";
}

std::string long_line() {
    std::string s = front_matter() + "## 1. Long\n\n1.1 ";
    while (s.size() < (1u << 20)) s += "a very long line without a single line break in it, ";
    return s + "the end.\n";
}

// --- a .docx zip bomb, written by hand (no zlib in the tests): one deflate block with
// fixed Huffman codes, a literal 'a' then copies of 258 bytes at distance 1.

class BitWriter {
public:
    void bits(std::uint32_t value, int count) {  // least significant bit first
        for (int i = 0; i < count; ++i) put((value >> i) & 1u);
    }
    void code(std::uint32_t value, int count) {  // Huffman codes: most significant bit first
        for (int i = count - 1; i >= 0; --i) put((value >> i) & 1u);
    }
    std::string finish() { return out_ + (used_ ? std::string(1, static_cast<char>(byte_)) : std::string()); }

private:
    void put(std::uint32_t bit) {
        byte_ |= static_cast<std::uint8_t>(bit << used_);
        if (++used_ == 8) {
            out_ += static_cast<char>(byte_);
            byte_ = 0;
            used_ = 0;
        }
    }
    std::string out_;
    std::uint8_t byte_ = 0;
    int used_ = 0;
};

std::string deflate_repeated_a(std::uint64_t size) {
    BitWriter w;
    w.bits(1, 1);           // final block
    w.bits(1, 2);           // fixed Huffman codes
    w.code(0x30 + 'a', 8);  // literal 'a'
    std::uint64_t left = size - 1;
    for (; left >= 258; left -= 258) {
        w.code(0xC5, 8);  // length 258 (symbol 285)
        w.code(0, 5);     // distance 1
    }
    for (; left > 0; --left) w.code(0x30 + 'a', 8);
    w.code(0, 7);  // end of block
    return w.finish();
}

std::uint32_t crc32(const std::string& data) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char c : data) {
        crc ^= c;
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}


struct ZipEntry {
    std::string name;
    std::string data;          // as stored
    std::uint16_t method = 0;  // 0 stored, 8 deflated
    std::uint32_t crc = 0;
    std::uint32_t size = 0;  // uncompressed
};

std::string zip(const std::vector<ZipEntry>& entries) {
    std::string out, directory;
    for (const auto& e : entries) {
        const auto offset = static_cast<std::uint32_t>(out.size());
        auto header = [&](std::string& s, bool central) {
            put32(s, central ? 0x02014b50 : 0x04034b50);
            if (central) put16(s, 20);  // made by
            put16(s, 20);               // version needed
            put16(s, 0);                // flags
            put16(s, e.method);
            put16(s, 0);     // time
            put16(s, 0x21);  // date: 1980-01-01
            put32(s, e.crc);
            put32(s, static_cast<std::uint32_t>(e.data.size()));
            put32(s, e.size);
            put16(s, static_cast<std::uint32_t>(e.name.size()));
            put16(s, 0);  // extra
            if (central) {
                put16(s, 0);  // comment
                put16(s, 0);  // disk
                put16(s, 0);  // internal attributes
                put32(s, 0);  // external attributes
                put32(s, offset);
            }
            s += e.name;
        };
        header(out, false);
        out += e.data;
        header(directory, true);
    }
    const auto directory_offset = static_cast<std::uint32_t>(out.size());
    out += directory;
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, static_cast<std::uint32_t>(entries.size()));
    put16(out, static_cast<std::uint32_t>(entries.size()));
    put32(out, static_cast<std::uint32_t>(directory.size()));
    put32(out, directory_offset);
    put16(out, 0);
    return out;
}

ZipEntry stored(const std::string& name, const std::string& data) {
    return {name, data, 0, crc32(data), static_cast<std::uint32_t>(data.size())};
}

// A .docx whose word/document.xml inflates to 1 GiB (from 6.5 MB). Its CRC is not
// computed: a reader that inflates it all has already failed the memory limit.
std::string zip_bomb() {
    const std::uint64_t size = std::uint64_t(1) << 30;
    return zip({stored("[Content_Types].xml",
                       "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                       "content-types\"/>"),
                {"word/document.xml", deflate_repeated_a(size), 8, 0, static_cast<std::uint32_t>(size)}});
}

// A small .docx whose list numbers are huge: w:lvlText "%1%1%1..." (2,000 times) in
// upper-case roman numerals from 3888 (MMMDCCCLXXXVIII), on 3,000 paragraphs. Unbounded,
// each label is 30 KB and the import took gigabytes.
std::string docx_with_numbering(const std::string& level, const std::string& override_xml, int paragraphs) {
    const std::string w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    std::string body;
    for (int k = 0; k < paragraphs; ++k)
        body +=
            "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
            "<w:r><w:t>Councillors and officers.</w:t></w:r></w:p>";
    return zip(
        {stored("[Content_Types].xml",
                "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"),
         stored("word/numbering.xml", "<?xml version=\"1.0\"?><w:numbering " + w +
                                          "><w:abstractNum w:abstractNumId=\"0\">" + level +
                                          "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/>" +
                                          override_xml + "</w:num></w:numbering>"),
         stored("word/document.xml", "<?xml version=\"1.0\"?><w:document " + w +
                                         "><w:body><w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t>Protocol"
                                         "</w:t></w:r></w:p>" +
                                         body + "</w:body></w:document>")});
}

std::string docx_label_bomb() {
    std::string text;
    for (int k = 0; k < 2000; ++k) text += "%1";
    return docx_with_numbering(
        "<w:lvl w:ilvl=\"0\"><w:start w:val=\"3888\"/><w:numFmt w:val=\"upperRoman\"/><w:lvlText w:val=\"" + text +
            "\"/></w:lvl>",
        "", 3000);
}

// w:start and w:startOverride of 2147483647: counting on from there overflowed an int.
std::string docx_start_overflow() {
    return docx_with_numbering(
        "<w:lvl w:ilvl=\"0\"><w:start w:val=\"2147483647\"/><w:numFmt w:val=\"decimal\"/>"
        "<w:lvlText w:val=\"%1.\"/></w:lvl>",
        "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"2147483647\"/></w:lvlOverride>", 5);
}

}  // namespace

void generate(const std::string& name, const std::string& path) {
    if (name == "fifo") {  // a named pipe where a file is expected: opening it would wait forever
        REQUIRE(::mkfifo(path.c_str(), 0644) == 0);
        return;
    }
    static const std::map<std::string, std::function<std::string()>> generators = {
        {"big-source", big_source},
        {"many-clauses", many_clauses},
        {"deep-lists", deep_lists},
        {"deep-quotes", deep_quotes},
        {"long-line", long_line},
        {"zip-bomb", zip_bomb},
        {"docx-label-bomb", docx_label_bomb},
        {"docx-start-overflow", docx_start_overflow},
    };
    auto it = generators.find(name);
    REQUIRE(it != generators.end());
    testing::write(path, it->second());
}

}  // namespace bad_input
