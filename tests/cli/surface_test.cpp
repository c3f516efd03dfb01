// One command surface: every publishing command takes the same options and honours them;
// what it cannot honour is a usage error naming the option; help and the man page are
// read from the same table as the parser.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <regex>

#include "cli/commands.hpp"
#include "docx/word_reader.hpp"
#include "package/zip_writer.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using protopub::testing::unpack_docx;

namespace {

const std::string kSample = test_env::source_dir() + "/tests/data/sample.md";

// A house style the defaults never produce: Georgia in Word, US Letter paper in PDF.
struct HouseStyle {
    std::string docx, pdf_style;
    explicit HouseStyle(const testing::TempDir& dir) : docx(dir.file("house.docx")), pdf_style(dir.file("house.yaml")) {
        auto parts = unpack_docx(testing::read(test_env::source_dir() + "/templates/reference.docx"));
        REQUIRE(parts.count("word/styles.xml"));
        parts["word/styles.xml"] = std::regex_replace(parts["word/styles.xml"], std::regex("\"Arial\""), "\"Georgia\"");
        std::vector<protopub::package::ZipEntry> entries;
        for (const auto& [name, bytes] : parts) entries.push_back({name, bytes});
        std::string error;
        auto zip = protopub::package::write_zip(entries, 0, error);
        REQUIRE(zip);
        testing::write(docx, *zip);
        testing::write(pdf_style, "# the council's paper\npage_size: \"Letter\"   # US\n");
    }
    static bool in_word_style(const std::string& docx_bytes) {
        return unpack_docx(docx_bytes)["word/styles.xml"].find("\"Georgia\"") != std::string::npos;
    }
    // As poppler reads it: the page objects may sit in a compressed object stream.
    static bool on_letter_paper(const std::string& pdf_path) {
        std::string info;
        if (FILE* pipe = ::popen(("pdfinfo '" + pdf_path + "' 2>&1").c_str(), "r")) {
            char buffer[4096];
            for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) info.append(buffer, n);
            ::pclose(pipe);
        }
        return info.find("Page size:       612 x 792 pts") != std::string::npos;
    }
};

}  // namespace

TEST_CASE("every publishing command draws Word and PDF in the council's house style", "[cli][surface]") {
    testing::TempDir dir;
    HouseStyle house(dir);
    testing::write(dir.file("old.md"), testing::read(kSample));
    std::string changed = testing::read(kSample);
    changed.replace(changed.find("guide Councillors"), 5, "help");
    testing::write(dir.file("new.md"), changed);

    const std::vector<std::string> style = {"--format",    "docx,pdf",      "--reference-docx", house.docx,
                                            "--pdf-style", house.pdf_style, "--quiet"};
    struct Case {
        std::vector<std::string> args;
        std::vector<std::string> docx, pdf;
    };
    const std::vector<Case> cases = {
        {{"build", kSample, "-o", dir.file("build")}, {"build/sample.docx"}, {"build/sample.pdf"}},
        {{"constitution", test_env::source_dir() + "/tests/data/constitution/constitution.yaml", "-o",
          dir.file("constitution"), "--allow-sources-outside"},
         {"constitution/constitution.docx"},
         {"constitution/constitution.pdf"}},
        {{"diff", dir.file("old.md"), dir.file("new.md"), "-o", dir.file("diff")},
         {"diff/redline.docx", "diff/schedule.docx"},
         {"diff/redline.pdf", "diff/schedule.pdf"}},
        {{"compare", dir.file("old.md"), dir.file("new.md"), "-o", dir.file("compare")},
         {"compare/comparison.docx"},
         {"compare/comparison.pdf"}},
    };
    for (const auto& c : cases) {
        auto args = c.args;
        args.insert(args.end(), style.begin(), style.end());
        INFO(c.args.front());
        auto run = testing::run_cli(args);
        REQUIRE(run.exit_code == 0);
        CHECK(run.out == "");
        for (const auto& f : c.docx) {
            INFO(f);
            REQUIRE(fs::exists(dir.file(f)));
            CHECK(HouseStyle::in_word_style(testing::read(dir.file(f))));
        }
        for (const auto& f : c.pdf) {
            INFO(f);
            REQUIRE(fs::exists(dir.file(f)));
            CHECK(HouseStyle::on_letter_paper(dir.file(f)));
        }
    }
    // The defaults are neither, so the checks above can fail.
    auto plain = testing::run_cli({"build", kSample, "-o", dir.file("plain"), "--format", "docx,pdf"});
    REQUIRE(plain.exit_code == 0);
    CHECK_FALSE(HouseStyle::in_word_style(testing::read(dir.file("plain/sample.docx"))));
    CHECK_FALSE(HouseStyle::on_letter_paper(dir.file("plain/sample.pdf")));
}

TEST_CASE("an option a command cannot honour is a usage error naming it", "[cli][surface]") {
    testing::TempDir dir;
    HouseStyle house(dir);
    struct Case {
        std::vector<std::string> args;
        std::string names;
    };
    const std::vector<Case> cases = {
        {{"diff", kSample, kSample, "-o", dir.file("o"), "--link", "Site=index.html"}, "diff cannot use --link"},
        {{"compare", kSample, kSample, "-o", dir.file("o"), "--link", "Site=index.html"}, "compare cannot use --link"},
        {{"build", kSample, "-o", dir.file("o"), "--reference-docx", house.docx},
         "--reference-docx is for docx output"},
        {{"build", kSample, "-o", dir.file("o"), "--format", "html,docx", "--pdf-style", house.pdf_style},
         "--pdf-style is for pdf output"},
        {{"compare", kSample, kSample, "-o", dir.file("o"), "--format", "json", "--reference-docx", house.docx},
         "--reference-docx is for docx output"},
        {{"diff", kSample, kSample, "-o", dir.file("o"), "--format", "pdf", "--link", "A=b.html"},
         "diff cannot use --link"},
        {{"build", kSample, "-o", dir.file("o"), "--format", "pdf", "--link", "A=b.html"}, "--link is for html output"},
        {{"refs", kSample, "--format", "html"}, "unknown option '--format'"},
    };
    for (const auto& c : cases) {
        INFO(c.names);
        auto run = testing::run_cli(c.args);
        CHECK(run.exit_code == 2);
        CHECK(run.err.find(c.names) != std::string::npos);
        CHECK_FALSE(fs::exists(dir.file("o")));
    }
}

TEST_CASE("help, help COMMAND and the man page come from the parser's table", "[cli][surface]") {
    using namespace protopub::cli;
    auto help = testing::run_cli({"help"});
    REQUIRE(help.exit_code == 0);
    auto man = testing::run_cli({"help", "--man"});
    REQUIRE(man.exit_code == 0);
    CHECK(man.out.rfind(".TH PROTOPUB 1", 0) == 0);
    auto completion = testing::run_cli({"help", "--bash-completion"});
    REQUIRE(completion.exit_code == 0);
    CHECK(completion.out.find("complete -o filenames -F _protopub protopub") != std::string::npos);
    // Today's gaps stay closed: help names akn and --link for build.
    CHECK(help.out.find("build [FILE|DIR]... -o OUT [--format html,pdf,docx,akn]") != std::string::npos);
    CHECK(help.out.find("[--link LABEL=ADDRESS]...") != std::string::npos);
    for (const auto& c : commands()) {
        INFO(c.name);
        CHECK(help.out.find(std::string("  ") + c.name + " ") != std::string::npos);
        CHECK(man.out.find(".SS " + std::string(c.name)) != std::string::npos);
        CHECK(completion.out.find(std::string("        ") + c.name + ")") != std::string::npos);
        auto one = testing::run_cli({"help", c.name});
        CHECK(one.exit_code == 0);
        for (const char* option : c.options) {
            INFO(option);
            bool refused = false;
            for (const auto& r : c.refusals) refused |= std::string(r.option) == option;
            // Every option the parser takes is documented, or documented as refused.
            CHECK(one.out.find(refused ? std::string("(") + option + " is refused" : std::string("  ") + option) !=
                  std::string::npos);
            std::string roff;
            for (char ch : std::string(option)) roff += ch == '-' ? std::string("\\-") : std::string(1, ch);
            CHECK(man.out.find(roff) != std::string::npos);
        }
        // And the parser refuses what the table does not list.
        auto unknown = testing::run_cli({c.name, "--no-such-option"});
        CHECK(unknown.exit_code == 2);
        CHECK(unknown.err.find("unknown option '--no-such-option'") != std::string::npos);
    }
    for (const int code : {0, 1, 2}) CHECK(man.out.find(".B " + std::to_string(code) + "\n") != std::string::npos);
    CHECK(testing::run_cli({"help", "nosuch"}).exit_code == 2);
}
