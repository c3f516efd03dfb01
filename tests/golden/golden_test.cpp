// Golden tests: small sources in tests/golden/sources/ and what every renderer makes of
// them in tests/golden/expected/, stored readably (HTML as written, XML indented, PDF as
// its text, outline and links), so a change to any output shows as a reviewable diff.
//
//   PROTOPUB_UPDATE_GOLDEN=1 ./build/tests/protopub_tests "[golden]"
//
// rewrites the expected files from the current build (then review them with git diff).
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <pugixml.hpp>

#include "docx/word_reader.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

const std::string kGolden = test_env::source_dir() + "/tests/golden";

bool updating() {
    const char* v = std::getenv("PROTOPUB_UPDATE_GOLDEN");
    return v && std::string(v) == "1";
}

std::string shell(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Runs protopub in tests/golden (so sources are named "sources/x.md" in every output) with
// a fixed build date. Returns the exit code; stderr goes to `log`.
int run_protopub(const std::string& args, const std::string& log) {
    const std::string command = "cd " + shell(kGolden) + " && SOURCE_DATE_EPOCH=1714521600 " +
                                shell(test_env::cli_path()) + " " + args + " --quiet 2>" + shell(log) + " >/dev/null";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

// Time stamps and the program's version say nothing about the document.
std::string normalised(std::string text, const std::string& outdir) {
    text = std::regex_replace(text, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z)"), "YYYY-MM-DDThh:mm:ssZ");
    text = std::regex_replace(text, std::regex(R"(protopub \d+\.\d+\.\d+)"), "protopub VERSION");
    for (auto at = text.find(outdir); at != std::string::npos; at = text.find(outdir, at))
        text.replace(at, outdir.size(), "OUT");
    return text;
}

std::string indented_xml(const std::string& xml) {
    pugi::xml_document doc;
    if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_declaration)) return xml;
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
    return out.str();
}

// Which paragraph and character styles a .docx uses, and how often: the "styles use".
std::string styles_used(const std::string& document_xml) {
    std::map<std::string, int> uses;
    pugi::xml_document doc;
    doc.load_string(document_xml.c_str());
    for (const char* kind : {"w:pStyle", "w:rStyle", "w:tblStyle"})
        for (const auto& n : doc.select_nodes((std::string("//") + kind).c_str()))
            ++uses[std::string(kind) + " " + n.node().attribute("w:val").value()];
    std::string out;
    for (const auto& [style, count] : uses) out += style + " " + std::to_string(count) + "\n";
    return out;
}

// The text, outline and links of a PDF (tests/golden/pdf_dump.py: pdftotext and qpdf).
std::string pdf_dump(const std::string& path) {
    testing::TempDir tmp;
    const std::string command = "python3 " + shell(kGolden + "/pdf_dump.py") + " " + shell(path) + " >" +
                                shell(tmp.file("dump")) + " 2>" + shell(tmp.file("err"));
    if (std::system(command.c_str()) != 0) return "pdf_dump.py failed: " + testing::read(tmp.file("err"));
    return testing::read(tmp.file("dump"));
}

std::string unified_diff(const std::string& expected, const std::string& actual) {
    testing::TempDir tmp;
    std::system(("diff -u " + shell(expected) + " " + shell(actual) + " | head -80 >" + shell(tmp.file("d"))).c_str());
    return testing::read(tmp.file("d"));
}

bool ends_with(const std::string& s, const std::string& end) {
    return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

// The golden files one output file is kept as: a .docx as its document.xml and its
// styles use, a PDF as its dump, XML indented, anything else as written.
std::vector<std::string> golden_names(const std::string& file, const std::string& stem) {
    if (ends_with(file, ".docx")) return {stem + ".document.xml", stem + ".docx-styles.txt"};
    if (ends_with(file, ".pdf")) return {stem + ".pdf.txt"};
    if (ends_with(file, ".xml")) return {stem + ".xml"};
    return {stem};
}

// What a reviewer reads of one output file, in the order of golden_names().
std::vector<std::string> readable(const std::string& path) {
    const std::string bytes = testing::read(path);
    if (ends_with(path, ".docx")) {
        const std::string document = protopub::testing::unpack_docx(bytes)["word/document.xml"];
        return {indented_xml(document), styles_used(document)};
    }
    if (ends_with(path, ".pdf")) return {pdf_dump(path)};
    if (ends_with(path, ".xml")) return {indented_xml(bytes)};
    return {bytes};
}

struct Case {
    const char* name;                                        // the folder of expected/ its files go in
    std::string args;                                        // after `protopub`; -o is added
    std::vector<std::pair<std::string, std::string>> files;  // output file, its golden stem
};

const std::vector<Case>& cases() {
    static const std::vector<Case> all = {
        {"build",
         "build sources/protocol.md --format html,pdf,docx,akn",
         {{"index.html", "index.html"},
          {"protocol.html", "protocol.html"},
          {"protocol.akn.xml", "protocol.akn"},
          {"protocol.docx", "protocol"},
          {"protocol.pdf", "protocol"}}},
        {"diff",
         "diff sources/protocol.md sources/protocol-v2.md --format html,pdf,docx,csv --author Golden",
         {{"redline.html", "redline.html"},
          {"schedule.html", "schedule.html"},
          {"schedule.csv", "schedule.csv"},
          {"redline.docx", "redline"},
          {"schedule.docx", "schedule"},
          {"redline.pdf", "redline"}}},
        {"compare",
         "compare sources/protocol-v2.md --base sources/protocol.md --format html,pdf,docx",
         {{"index.html", "index.html"}, {"comparison.docx", "comparison"}, {"comparison.pdf", "comparison"}}},
    };
    return all;
}

}  // namespace

TEST_CASE("golden: every renderer's output for the golden sources", "[golden]") {
    for (const auto& c : cases()) {
        DYNAMIC_SECTION(c.name) {
            testing::TempDir out;
            const int code = run_protopub(c.args + " -o " + shell(out.file("o")), out.file("log"));
            INFO(testing::read(out.file("log")));
            REQUIRE(code == 0);
            for (const auto& [file, stem] : c.files) {
                const auto names = golden_names(file, stem);
                const auto texts = readable(out.file("o/" + file));
                for (std::size_t k = 0; k < names.size(); ++k) {
                    const std::string& golden = names[k];
                    const std::string actual = normalised(texts[k], out.file("o"));
                    const std::string path = kGolden + "/expected/" + c.name + "/" + golden;
                    if (updating()) {
                        fs::create_directories(fs::path(path).parent_path());
                        testing::write(path, actual);
                        continue;
                    }
                    INFO(
                        golden << " differs from tests/golden/expected/" << c.name << "/" << golden
                               << "; if the change is meant, run PROTOPUB_UPDATE_GOLDEN=1 ./build/tests/protopub_tests "
                                  "\"[golden]\" and review the diff");
                    REQUIRE(fs::exists(path));
                    const std::string expected = testing::read(path);
                    if (expected != actual) {
                        testing::write(out.file("actual"), actual);
                        FAIL_CHECK(unified_diff(path, out.file("actual")));
                    }
                }
            }
        }
    }
}

TEST_CASE("golden: every expected file is made by a case (none left behind)", "[golden]") {
    std::set<std::string> made;
    for (const auto& c : cases())
        for (const auto& [file, stem] : c.files)
            for (const auto& name : golden_names(file, stem)) made.insert(std::string(c.name) + "/" + name);
    for (const auto& e : fs::recursive_directory_iterator(kGolden + "/expected"))
        if (e.is_regular_file()) {
            const std::string name = fs::relative(e.path(), kGolden + "/expected").string();
            INFO(name);
            CHECK(made.count(name));
        }
}
