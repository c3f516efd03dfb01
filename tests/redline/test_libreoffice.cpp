// LibreOffice itself checks the Word redline on a sample of random edit scripts: it loads
// the .docx, dispatches .uno:AcceptAllTrackedChanges / .uno:RejectAllTrackedChanges and
// stores the result as text, which must equal NEW / OLD stored as text by the same
// LibreOffice, paragraph for paragraph. One soffice process for the whole sample
// (tests/redline/lo_accept_reject.py; Debian's python3-uno).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <random>

#include "docx/docx.hpp"
#include "redline/property.hpp"
#include "redline/redline.hpp"
#include "support.hpp"

using namespace protopub;
using namespace redline_test;

namespace {

std::string render(const model::Protocol& p) {
    model::Diagnostics diags;
    docx::DocxOptions options;
    options.epoch = 1714521600;
    options.revision_author = "Monitoring Officer";
    auto bytes = docx::render_docx(p, options, diags);
    REQUIRE_FALSE(diags.has_errors());
    return bytes;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i)
        if (i == text.size() || text[i] == '\n') {
            std::string line = text.substr(start, i - start);
            if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
            out.push_back(line);
            start = i + 1;
        }
    while (!out.empty() && out.back().empty()) out.pop_back();
    return out;
}

void check_same(const std::string& what, const std::vector<std::string>& got, const std::vector<std::string>& want) {
    std::size_t i = 0;
    while (i < got.size() && i < want.size() && got[i] == want[i]) ++i;
    INFO(what << ": first difference at line " << i << " of " << got.size() << " / " << want.size() << "\n got: "
              << (i < got.size() ? got[i] : "(end)") << "\nwant: " << (i < want.size() ? want[i] : "(end)"));
    CHECK((i == got.size() && i == want.size()));
}

}  // namespace

TEST_CASE("LibreOffice: Accept All gives NEW and Reject All gives OLD on a sample of edit scripts",
          "[redline][libreoffice]") {
    std::mt19937 rng(7);
    ::testing::TempDir dir;
    std::vector<std::string> names, scripts;
    for (const std::string& path : property_sources()) {
        const model::Protocol source = load_resolved_source(path);
        for (int k = 0; k < 2; ++k) {
            EditScript script = random_script(source, rng);
            const std::string name = "case" + std::to_string(names.size());
            auto red = redline::build_redline(redline::compare_versions(script.old, script.now), script.old, script.now);
            red.meta = script.now.meta;
            ::testing::write(dir.file(name + ".accept.docx"), render(red));
            red.meta = script.old.meta;
            ::testing::write(dir.file(name + ".reject.docx"), render(red));
            ::testing::write(dir.file(name + ".old.docx"), render(script.old));
            ::testing::write(dir.file(name + ".new.docx"), render(script.now));
            names.push_back(name);
            scripts.push_back(path + "\n" + script.describe());
        }
    }
    const std::string command = "python3 '" + test_env::source_dir() + "/tests/redline/lo_accept_reject.py' '" + dir.path() + "'";
    REQUIRE(std::system(command.c_str()) == 0);
    for (std::size_t k = 0; k < names.size(); ++k) {
        INFO(names[k] << ": " << scripts[k]);
        check_same("Accept All", lines(::testing::read(dir.file(names[k] + ".accepted.txt"))),
                   lines(::testing::read(dir.file(names[k] + ".new.txt"))));
        check_same("Reject All", lines(::testing::read(dir.file(names[k] + ".rejected.txt"))),
                   lines(::testing::read(dir.file(names[k] + ".old.txt"))));
    }
}
