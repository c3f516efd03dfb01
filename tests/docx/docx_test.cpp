#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <regex>

#include <unistd.h>

#include "docx/docx.hpp"
#include "docx/fixtures.hpp"
#include "docx/word_reader.hpp"
#include "io/files.hpp"
#include "model/text.hpp"
#include "package/zip_writer.hpp"
#include "paths.hpp"
#include "source/reader.hpp"

using namespace protopub;
using testing::load;
using testing::sample_path;
using testing::sample_with_references;
namespace fs = std::filesystem;

namespace {

std::string render(const model::Protocol& p, docx::DocxOptions options = {}) {
    model::Diagnostics diags;
    if (!options.epoch) options.epoch = io::build_epoch(p.meta.adopted);
    auto bytes = docx::render_docx(p, options, diags);
    INFO((diags.empty() ? std::string() : model::format(diags.items().front())));
    REQUIRE_FALSE(diags.has_errors());
    return bytes;
}

// A scratch folder that is gone when the test ends.
struct TempDir {
    std::string path;
    explicit TempDir(const std::string& name)
        : path((fs::temp_directory_path() / ("protopub-docx-" + name + "-" + std::to_string(::getpid()))).string()) {
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
};

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// Words (letters and digits) in order; punctuation and typography are LibreOffice's business.
std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> out;
    static const std::regex word("[A-Za-z0-9]+");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator(); ++it)
        out.push_back(it->str());
    return out;
}

bool is_subsequence(const std::vector<std::string>& needle, const std::vector<std::string>& hay, std::string& missing) {
    std::size_t at = 0;
    for (const auto& w : needle) {
        while (at < hay.size() && hay[at] != w) ++at;
        if (at == hay.size()) {
            missing = w;
            return false;
        }
        ++at;
    }
    return true;
}

}  // namespace

TEST_CASE("docx: the package has Word's parts, styles, lists, bookmarks and links", "[docx]") {
    auto parts = testing::unpack_docx(render(sample_with_references()));
    for (const char* name :
         {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/numbering.xml",
          "word/_rels/document.xml.rels", "docProps/core.xml", "word/header1.xml"})
        CHECK(parts.count(name) == 1);
    const auto& doc = parts["word/document.xml"];
    for (const char* style :
         {"Title", "Heading1", "Heading2", "ClauseLevel2", "ClauseLevel3", "ListParagraph", "TableText", "TOC1"})
        CHECK(contains(doc, std::string("<w:pStyle w:val=\"") + style + "\"/>"));
    CHECK(contains(doc, "<w:numPr><w:ilvl w:val=\"0\"/>"));
    CHECK(contains(doc, "w:name=\"purpose\""));
    CHECK(contains(doc, "w:name=\"chairs_impartiality\""));  // '-' is not allowed in Word bookmark names
    CHECK(contains(doc, "<w:hyperlink w:anchor=\"complaints\""));
    CHECK(contains(doc, " PAGEREF introduction \\h "));  // each contents line's page number
    CHECK(contains(doc, "<w:tbl>"));
    CHECK(contains(doc, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));  // page set-up from the reference
    const auto& rels = parts["word/_rels/document.xml.rels"];
    CHECK(
        contains(rels, "Target=\"https://www.legislation.gov.uk/ukpga/1988/41/section/114\" TargetMode=\"External\""));
    const auto& numbering = parts["word/numbering.xml"];
    CHECK(contains(numbering, "<w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"(%1)\"/>"));
    CHECK(contains(numbering, "<w:numFmt w:val=\"bullet\"/>"));
    const auto& core = parts["docProps/core.xml"];
    CHECK(contains(core, "<dc:title>Sample Protocol on Member/Officer Relations</dc:title>"));
    CHECK(contains(core, "<dc:creator>Sample District Council</dc:creator>"));
    CHECK(contains(core, "<cp:version>2024</cp:version>"));
    CHECK(contains(core, "2024-05-01T00:00:00Z"));
}

TEST_CASE("docx: clause numbers hang before the words, lists are Word lists", "[docx]") {
    auto paras = testing::word_paragraphs(render(load(sample_path)), testing::View::as_written);
    auto find = [&](const std::string& start) {
        for (const auto& p : paras)
            if (p.text.rfind(start, 0) == 0) return p;
        return testing::WordParagraph{};
    };
    CHECK(find("1.1\tThe purpose").style == "ClauseLevel2");
    CHECK(find("2.2.1\tChairs").style == "ClauseLevel3");
    CHECK(find("1.\tIntroduction").style == "Heading1");
    CHECK(find("2.2\tChairs of committees").style == "Heading2");
    // The label "(a)" comes from Word's numbering, not from the text.
    CHECK(find("Chief Finance Officer").style == "ListParagraph");
}

TEST_CASE("docx: same input, same bytes, the date comes from the options", "[docx]") {
    auto p = load(sample_path);
    CHECK(render(p) == render(p));
    docx::DocxOptions later;
    later.epoch = 1800000000;
    CHECK(render(p) != render(p, later));
}

// The default reference with its styles.xml edited by `edit`, written to `path`.
std::string house_reference(const std::string& path, const std::function<void(std::string&)>& edit) {
    std::string error;
    auto reference = io::read_file(docx::default_reference_docx(), error);
    REQUIRE(reference);
    auto parts = testing::unpack_docx(*reference);
    edit(parts["word/styles.xml"]);
    std::vector<package::ZipEntry> entries;
    for (const auto& [name, bytes] : parts) entries.push_back({name, bytes});
    auto custom = package::write_zip(entries, 0, error);
    REQUIRE(custom);
    REQUIRE(io::write_file_atomic(path, *custom, error));
    return parts["word/styles.xml"];
}

TEST_CASE("docx: a reference document with other fonts changes only the fonts", "[docx]") {
    TempDir dir("fonts");
    const std::string path = dir.path + "/house.docx";
    const std::string styles = house_reference(
        path, [](std::string& xml) { xml = std::regex_replace(xml, std::regex("\"Arial\""), "\"Georgia\""); });

    auto p = load(sample_path);
    docx::DocxOptions house;
    house.reference_docx = path;
    auto plain = testing::unpack_docx(render(p));
    auto housed = testing::unpack_docx(render(p, house));
    REQUIRE(plain.size() == housed.size());
    for (const auto& [name, bytes] : plain) {
        INFO(name);
        if (name == "word/styles.xml") {
            CHECK(housed[name] == styles);
            CHECK(bytes != housed[name]);
        } else {
            CHECK(bytes == housed[name]);
        }
    }
}

TEST_CASE("docx: lists and tables line up with the reference's clause indents", "[docx]") {
    TempDir dir("indents");
    const std::string path = dir.path + "/house.docx";
    house_reference(path, [](std::string& xml) {
        const std::string style = "w:styleId=\"ClauseText2\"";
        const auto at = xml.find("<w:ind w:left=\"720\"/>", xml.find(style));
        REQUIRE(at != std::string::npos);
        xml.replace(at, 21, "<w:ind w:left=\"1000\"/>");
    });
    docx::DocxOptions house;
    house.reference_docx = path;
    auto parts = testing::unpack_docx(render(load(sample_path), house));
    CHECK(parts["word/numbering.xml"].find("<w:ind w:left=\"1567\" w:hanging=\"567\"/>") != std::string::npos);
    CHECK(parts["word/document.xml"].find("<w:tblInd w:w=\"1000\" w:type=\"dxa\"/>") != std::string::npos);
}

TEST_CASE("docx: a reference that is not a Word document is an error, not a crash", "[docx]") {
    TempDir dir("bad");
    const std::string path = dir.path + "/not-word.docx";
    std::string error;
    REQUIRE(io::write_file_atomic(path, "plain text, not a package", error));
    docx::DocxOptions options;
    options.reference_docx = path;
    model::Diagnostics diags;
    CHECK(docx::render_docx(load(sample_path), options, diags).empty());
    REQUIRE(diags.has_errors());
    CHECK(contains(diags.items().front().message, "not a Word document"));

    options.reference_docx = path + ".missing";
    model::Diagnostics missing;
    CHECK(docx::render_docx(load(sample_path), options, missing).empty());
    CHECK(missing.has_errors());
}

TEST_CASE("docx: LibreOffice opens each source's .docx and prints its words in order", "[docx][libreoffice]") {
    std::vector<std::string> sources = {sample_path};
    const fs::path published = fs::path(test_env::source_dir()) / "protocol-source";
    if (fs::exists(published))
        for (const auto& e : fs::directory_iterator(published))
            if (e.path().extension() == ".md" && e.path().filename() != "README.md")
                sources.push_back(e.path().string());
    TempDir scratch("lo");
    const std::string& dir = scratch.path;
    for (const auto& source : sources) {
        INFO(source);
        auto p = load(source);
        const std::string stem = fs::path(source).stem().string();
        std::string error;
        REQUIRE(io::write_file_atomic(dir + "/" + stem + ".docx", render(p), error));
        const std::string convert = "cd '" + dir + "' && soffice -env:UserInstallation=file://" + dir +
                                    "/profile --headless --convert-to pdf '" + stem +
                                    ".docx' >/dev/null 2>&1 && pdftotext -layout '" + stem + ".pdf' '" + stem + ".txt'";
        REQUIRE(std::system(convert.c_str()) == 0);
        auto pdf_text = io::read_file(dir + "/" + stem + ".txt", error);
        REQUIRE(pdf_text);
        std::string source_words = p.meta.title;
        for (const auto& s : p.sections) {
            source_words += " " + s.number.text + " " + model::plain_text(s.heading);
            for (const auto& b : s.intro) source_words += " " + model::plain_text(b);
            for (const auto& c : s.clauses) {
                source_words += " " + c.number.text + " " + model::plain_text(c.heading);
                for (const auto& b : c.blocks) source_words += " " + model::plain_text(b);
            }
        }
        std::string missing;
        const bool in_order = is_subsequence(words_of(source_words), words_of(*pdf_text), missing);
        INFO("first word not found in order: " << missing);
        CHECK(in_order);
        // The contents opens complete: every line's dotted leader ends in its page number.
        int contents_lines = 0;
        for (std::size_t at = 0, end; at < pdf_text->size(); at = end + 1) {
            end = std::min(pdf_text->find('\n', at), pdf_text->size());
            std::string line = pdf_text->substr(at, end - at);
            while (!line.empty() && line.back() == ' ') line.pop_back();
            if (line.find("......") == std::string::npos) continue;
            ++contents_lines;
            INFO("contents line: " << line);
            CHECK(std::isdigit(static_cast<unsigned char>(line.back())));
        }
        CHECK(contents_lines >= 3);
    }
}

TEST_CASE("docx: templates/reference.docx is what make_reference_docx.py builds", "[docx]") {
    TempDir dir("reference");
    const std::string rebuilt = dir.path + "/reference.docx";
    const std::string command =
        "python3 '" + test_env::source_dir() + "/templates/make_reference_docx.py' '" + rebuilt + "'";
    REQUIRE(std::system(command.c_str()) == 0);
    std::string error;
    auto committed = io::read_file(docx::default_reference_docx(), error);
    auto fresh = io::read_file(rebuilt, error);
    REQUIRE(committed);
    REQUIRE(fresh);
    CHECK(testing::unpack_docx(*committed) == testing::unpack_docx(*fresh));
}
