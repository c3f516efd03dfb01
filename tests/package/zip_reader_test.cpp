#include <catch2/catch.hpp>

#include <libdeflate.h>

#include "package/bytes.hpp"
#include "package/zip_reader.hpp"
#include "package/zip_writer.hpp"

using namespace protopub;
using package::put16;
using package::put32;
using package::put64;

namespace {

void set16(std::string& bytes, std::size_t at, std::uint32_t v) {
    std::string two;
    put16(two, v);
    bytes.replace(at, 2, two);
}
void set32(std::string& bytes, std::size_t at, std::uint32_t v) {
    std::string four;
    put32(four, v);
    bytes.replace(at, 4, four);
}

// One stored entry in the ZIP64 layout, as tools that always write it do: sizes and offset
// in the directory's ZIP64 extra field, and the ZIP64 end record with its locator.
std::string zip64_package(const std::string& name, const std::string& data) {
    const std::uint32_t crc = libdeflate_crc32(0, data.data(), data.size());
    std::string out;
    put32(out, 0x04034b50);
    put16(out, 45);  // version needed
    put16(out, 0);   // flags
    put16(out, 0);   // stored
    put32(out, 0);   // time, date
    put32(out, crc);
    put32(out, 0xFFFFFFFF);
    put32(out, 0xFFFFFFFF);
    put16(out, static_cast<std::uint32_t>(name.size()));
    put16(out, 20);
    out += name;
    put16(out, 0x0001);
    put16(out, 16);
    put64(out, data.size());
    put64(out, data.size());
    out += data;
    const std::size_t directory_at = out.size();
    put32(out, 0x02014b50);
    put16(out, 45);
    put16(out, 45);
    put16(out, 0);
    put16(out, 0);
    put32(out, 0);
    put32(out, crc);
    put32(out, 0xFFFFFFFF);
    put32(out, 0xFFFFFFFF);
    put16(out, static_cast<std::uint32_t>(name.size()));
    put16(out, 28);
    put16(out, 0);  // comment
    put16(out, 0);  // disk
    put16(out, 0);  // internal attributes
    put32(out, 0);  // external attributes
    put32(out, 0xFFFFFFFF);
    out += name;
    put16(out, 0x0001);
    put16(out, 24);
    put64(out, data.size());
    put64(out, data.size());
    put64(out, 0);  // the local header's offset
    const std::size_t directory_size = out.size() - directory_at;
    const std::size_t end64_at = out.size();
    put32(out, 0x06064b50);
    put64(out, 44);
    put16(out, 45);
    put16(out, 45);
    put32(out, 0);
    put32(out, 0);
    put64(out, 1);
    put64(out, 1);
    put64(out, directory_size);
    put64(out, directory_at);
    put32(out, 0x07064b50);
    put32(out, 0);
    put64(out, end64_at);
    put32(out, 1);
    put32(out, 0x06054b50);
    put32(out, 0);
    put16(out, 0xFFFF);
    put16(out, 0xFFFF);
    put32(out, 0xFFFFFFFF);
    put32(out, 0xFFFFFFFF);
    put16(out, 0);
    return out;
}

}  // namespace

TEST_CASE("zip reader: the ZIP64 layout is read", "[package]") {
    std::string error;
    auto parts = package::read_zip(zip64_package("word/document.xml", "<w:document/>"), error);
    INFO(error);
    REQUIRE(parts);
    CHECK(parts->size() == 1);
    CHECK(parts->at("word/document.xml") == "<w:document/>");
}

TEST_CASE("zip reader: a name not flagged UTF-8 is in the DOS code page", "[package]") {
    std::string error;
    auto bytes = package::write_zip({{"caf\x82.xml", "x"}}, 0, error);
    REQUIRE(bytes);
    // write_zip flags a name with bytes over 127 as UTF-8: take the flag off both headers
    set16(*bytes, 6, 0);
    const std::size_t directory = bytes->find("PK\x01\x02");
    REQUIRE(directory != std::string::npos);
    set16(*bytes, directory + 8, 0);
    auto parts = package::read_zip(*bytes, error);
    INFO(error);
    REQUIRE(parts);
    CHECK(parts->count("caf\xC3\xA9.xml") == 1);
}

TEST_CASE("zip reader: a part larger than its stated size is held to the limit, not to that size", "[package]") {
    std::string error;
    const std::string big(200000, 'w');
    auto bytes = package::write_zip({{"word/document.xml", big}}, 0, error);
    REQUIRE(bytes);
    // the stated size, in both headers, lies: 100 bytes
    set32(*bytes, 22, 100);
    const std::size_t directory = bytes->find("PK\x01\x02");
    REQUIRE(directory != std::string::npos);
    set32(*bytes, directory + 24, 100);
    package::ZipLimits small;
    small.max_total_bytes = 150000;
    CHECK_FALSE(package::read_zip(*bytes, error, small));
    CHECK(error.find("inflates to more than") != std::string::npos);
    auto parts = package::read_zip(*bytes, error);
    REQUIRE(parts);
    CHECK(parts->at("word/document.xml") == big);
}

TEST_CASE("zip reader: damaged packages are refused in libzip's words", "[package]") {
    std::string error;
    auto bytes = package::write_zip({{"word/document.xml", std::string(5000, 'w')}, {"a.xml", "<a/>"}}, 0, error);
    REQUIRE(bytes);
    CHECK_FALSE(package::read_zip(bytes->substr(0, bytes->size() - 30), error));
    CHECK(error == "not a valid zip package (Not a zip archive)");

    // a.xml, under 1 KB, is stored
    std::string wrong_crc = *bytes;
    const std::size_t directory = wrong_crc.find("PK\x01\x02");
    const std::size_t stored = wrong_crc.find("PK\x03\x04", 4);
    const std::size_t stored_in_directory = wrong_crc.find("PK\x01\x02", directory + 4);
    set32(wrong_crc, stored + 14, 1);
    set32(wrong_crc, stored_in_directory + 16, 1);
    CHECK_FALSE(package::read_zip(wrong_crc, error));
    CHECK(error == "cannot read 'a.xml' in the package: CRC error");

    std::string bad_data = *bytes;
    bad_data.replace(30 + 17, 8, "\xff\xff\xff\xff\xff\xff\xff\xff");  // word/document.xml's deflated bytes
    CHECK_FALSE(package::read_zip(bad_data, error));
    CHECK(error == "cannot read 'word/document.xml' in the package: Zlib error: data error");

    std::string wrong_deflated_crc = *bytes;
    set32(wrong_deflated_crc, 14, 1);
    set32(wrong_deflated_crc, directory + 16, 1);
    CHECK_FALSE(package::read_zip(wrong_deflated_crc, error));
    CHECK(error == "cannot read 'word/document.xml' in the package: CRC error");

    std::string disagreeing = *bytes;
    set32(disagreeing, 14, 1);  // the local header's CRC only
    CHECK_FALSE(package::read_zip(disagreeing, error));
    CHECK(error == "not a valid zip package (Zip archive inconsistent)");

    std::string encrypted = *bytes;
    set16(encrypted, 6, 1);
    set16(encrypted, directory + 8, 1);
    CHECK_FALSE(package::read_zip(encrypted, error));
    CHECK(error == "cannot open 'word/document.xml' in the package: No password provided");

    CHECK(package::read_zip("", error)->empty());  // as libzip took it: an empty package
}
