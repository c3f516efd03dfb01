// Input that is not a protocol: one clear error, exit 1, and OUT.md never written.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "import/import.hpp"
#include "package/zip_reader.hpp"
#include "paths.hpp"

namespace fs = std::filesystem;
using namespace protopub;

namespace {

struct Run {
    int exit_code;
    std::string output;
};

Run import_cli(const std::string& input, const std::string& out) {
    const std::string log = out + ".log";
    const std::string cmd = test_env::cli_path() + " import '" + input + "' -o '" + out + "' > '" + log + "' 2>&1";
    const int status = std::system(cmd.c_str());
    std::ifstream in(log);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return {WEXITSTATUS(status), text};
}

fs::path scratch() {
    fs::path dir = fs::temp_directory_path() / "protopub-import-tests";
    fs::create_directories(dir);
    return dir;
}

void write(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

int count(const std::string& text, const std::string& what) {
    int n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("import: input that is not a protocol fails cleanly", "[import][errors]") {
    const fs::path dir = scratch();
    struct Case {
        std::string name;
        std::string bytes;
        std::string message;
    };
    const std::vector<Case> cases = {
        {"empty.txt", "", "the file is empty"},
        {"blank.txt", "  \n\n \t\n", "the file is empty"},
        {"binary.txt",
         std::string("\x7f"
                     "ELF\x02\x01\x01\0\0\0",
                     10),
         "binary file"},
        // UTF-8 and another encoding in one file: no one encoding to read it in
        {"mixed.txt", "1.1 Caf\xc3\xa9 rules\n\n1.2 Councillors\x92 rules\n",
         "invalid UTF-8 byte 0x92: the text is neither UTF-8 nor Windows-1252"},
        {"not-a-zip.docx", "1.1 This is text with a .docx name.\n", "not a Word .docx file"},
        {"damaged.docx", std::string("PK\x03\x04garbage", 11), "not a valid zip package"},
        {"random.bin", std::string("\x93\xfe\x01\x88\xc4junk\xff\x7f", 11), "invalid UTF-8 byte 0x93"},
        {"renamed.docx", "MEMBER/OFFICER PROTOCOL\n\n1.1 Councillors and officers work together.\n",
         "not a Word .docx file"},
        {"report.pdf", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n",
         "this is a PDF file: take its text out first"},
        {"odd-utf16.txt",
         std::string("\xFF\xFE"
                     "1\0.\0"
                     "1",
                     7),
         "the file is UTF-16 text with a byte at 6"},
        {"lone-surrogate.txt",
         std::string("\xFF\xFE"
                     "1\0\x00\xD8"
                     "a\0",
                     8),
         "the file is UTF-16 text with a byte at 4"},
        // a source of ours, given to import by mistake
        {"anytown.md",
         "---\ntitle: \"Member/Officer Protocol\"\ncouncil: \"Anytown Council\"\n---\n\n## 1. Roles {#roles}\n\n"
         "1.1 {#officers} Officers advise.\n",
         "this is a protopub source already"},
        {"ids-only.md", "## 1. Roles {#roles}\n\n1.1 {#officers} Officers advise.\n\n1.2 {#members} Members decide.\n",
         "this is a protopub source already"},
        {"saved.rtf", "{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} 1.1 Councillors\\par }\n",
         "this is a Rich Text (.rtf) file"},
        // a web page is read for the text it shows: one with no protocol in it is refused as text is
        {"page.html",
         "\n<!DOCTYPE html>\n<html><head><title>1.1 Contact us</title><script>var x = '1.2 not shown';</script>"
         "</head><body><nav><p>1.3 Home</p></nav><p>Phone us and we will call you back.</p></body></html>\n",
         "no numbered paragraphs and no headings"},
        {"old.doc", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12), "this is an old Word .doc file"},
        // words with neither a number nor a heading anywhere (an unnumbered protocol has
        // headings, and is imported with numbers assigned): nothing to keep as clauses
        {"no-numbers.txt",
         "Councillors and officers should work together with respect.\n\nOfficers advise; councillors decide.\n",
         "no numbered paragraphs"},
    };
    for (const auto& c : cases) {
        SECTION(c.name) {
            const fs::path input = dir / c.name;
            const fs::path out = dir / (c.name + ".md");
            write(input, c.bytes);
            fs::remove(out);
            Run r = import_cli(input.string(), out.string());
            INFO(r.output);
            CHECK(r.exit_code == 1);
            CHECK(r.output.find(c.message) != std::string::npos);
            CHECK(count(r.output, "error:") == 1);
            CHECK_FALSE(fs::exists(out));
        }
    }
    SECTION("an OpenDocument file saved by LibreOffice") {
        const fs::path out = dir / "odt.md";
        fs::remove(out);
        Run r = import_cli(test_env::source_dir() + "/tests/data/import-unseen/saved-as-odt.odt", out.string());
        INFO(r.output);
        CHECK(r.exit_code == 1);
        CHECK(r.output.find("this is an OpenDocument file (.odt), not Word: save it as .docx") != std::string::npos);
        CHECK_FALSE(fs::exists(out));
    }
    SECTION("a zip without word/document.xml") {
        const fs::path out = dir / "not-word.md";
        fs::remove(out);
        Run r = import_cli(test_env::source_dir() + "/tests/data/import/not-word.docx", out.string());
        INFO(r.output);
        CHECK(r.exit_code == 1);
        CHECK(r.output.find("no word/document.xml") != std::string::npos);
        CHECK_FALSE(fs::exists(out));
    }
}

TEST_CASE("import: a failed import leaves an existing OUT.md untouched", "[import][errors]") {
    const fs::path dir = scratch();
    const fs::path out = dir / "kept.md";
    write(out, "old contents\n");
    write(dir / "empty2.txt", "");
    Run r = import_cli((dir / "empty2.txt").string(), out.string());
    CHECK(r.exit_code == 1);
    std::ifstream in(out);
    std::string kept((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(kept == "old contents\n");
}

TEST_CASE("zip reader: entries that leave the package and zip bombs are refused", "[import][package]") {
    std::ifstream in(test_env::source_dir() + "/tests/data/import/escape.docx", std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string error;
    CHECK_FALSE(package::read_zip(bytes, error));
    CHECK(error.find("'../evil.xml' that points outside it") != std::string::npos);

    std::ifstream in2(test_env::source_dir() + "/tests/data/import/numbered.docx", std::ios::binary);
    std::string docx((std::istreambuf_iterator<char>(in2)), std::istreambuf_iterator<char>());
    package::ZipLimits tiny;
    tiny.max_total_bytes = 1000;  // numbered.docx inflates to more than this
    CHECK_FALSE(package::read_zip(docx, error, tiny));
    CHECK(error.find("inflates to more than") != std::string::npos);
    CHECK(package::read_zip(docx, error));
}
