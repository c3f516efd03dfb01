// The property test of redlines: random edit scripts over the committed sources (reword,
// insert, delete, move within and across sections, split, merge, bullets inserted /
// deleted / reordered, table cells / rows / columns, sections and sub-headings added /
// deleted / renamed / moved, then renumber). For each script the change model's kinds equal the
// script's, and the Word redline read back gives NEW on Accept All and OLD on Reject All,
// paragraph by paragraph. Fixed seeds; PROTOPUB_PROPERTY_SEED and PROTOPUB_PROPERTY_SCRIPTS
// run another seed or more scripts (scripts per source); PROTOPUB_PROPERTY_KEEP=DIR writes
// the two versions of every script that fails there, as source Markdown, to look at.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>

#include "docx/docx.hpp"
#include "docx/word_reader.hpp"
#include "redline/property.hpp"
#include "redline/redline.hpp"
#include "source/writer.hpp"

using namespace protopub;
using namespace redline_test;
using model::ChangeKind;

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

std::string describe(const std::vector<testing::WordParagraph>& ps, std::size_t around) {
    std::string out;
    for (std::size_t i = around > 3 ? around - 3 : 0; i < std::min(ps.size(), around + 4); ++i)
        out += "  [" + std::to_string(i) + "] " + ps[i].text + "\n";
    return out;
}

// Paragraph for paragraph; on a difference, the first one and its neighbours.
bool check_same(const std::string& what, const std::vector<testing::WordParagraph>& got,
                const std::vector<testing::WordParagraph>& want) {
    std::size_t i = 0;
    while (i < got.size() && i < want.size() && got[i].text == want[i].text) ++i;
    INFO(what << ": first difference at paragraph " << i << " of " << got.size() << " / " << want.size() << "\ngot:\n"
              << describe(got, i) << "want:\n"
              << describe(want, i));
    const bool same = i == got.size() && i == want.size();
    CHECK(same);
    return same;
}

}  // namespace

TEST_CASE("property: random edit scripts give their own change model and exact Accept All / Reject All",
          "[redline][property]") {
    // The fixed seed, and a range of seeds that once failed (61 to 68: a move across
    // sections beside a sub-heading or section deleted).
    std::vector<unsigned> seeds = {20261202u};
    for (unsigned s = 61; s <= 68; ++s) seeds.push_back(s);
    if (std::getenv("PROTOPUB_PROPERTY_SEED"))
        seeds = {static_cast<unsigned>(std::atoi(std::getenv("PROTOPUB_PROPERTY_SEED")))};
    const int scripts =
        std::getenv("PROTOPUB_PROPERTY_SCRIPTS") ? std::atoi(std::getenv("PROTOPUB_PROPERTY_SCRIPTS")) : 6;
    std::map<std::string, int> edits_made;
    int pairs = 0;
    for (const unsigned seed : seeds) {
        std::mt19937 rng(seed);
        for (const std::string& path : property_sources()) {
            const model::Protocol source = load_resolved_source(path);
            for (int k = 0; k < scripts; ++k) {
                EditScript script = random_script(source, rng);
                for (const auto& e : script.log) ++edits_made[e.substr(0, e.find(' '))];
                INFO(path << " script " << k << " (seed " << seed << "):\n" << script.describe());
                const auto set = redline::compare_versions(script.old, script.now);
                CHECK(clause_kinds(set) == script.expected_clauses);
                CHECK(section_kinds(set) == script.expected_sections);

                auto red = redline::build_redline(set, script.old, script.now);
                red.meta = script.now.meta;
                bool exact = check_same("Accept All", testing::word_paragraphs(render(red), testing::View::accept_all),
                                        testing::word_paragraphs(render(script.now), testing::View::as_written));
                red.meta = script.old.meta;
                exact &= check_same("Reject All", testing::word_paragraphs(render(red), testing::View::reject_all),
                                    testing::word_paragraphs(render(script.old), testing::View::as_written));
                if (const char* keep = std::getenv("PROTOPUB_PROPERTY_KEEP"); keep && !exact) {
                    const std::string stem = std::string(keep) + "/" + std::filesystem::path(path).stem().string() +
                                             "-" + std::to_string(seed) + "-" + std::to_string(k);
                    std::filesystem::create_directories(keep);
                    std::ofstream(stem + ".old.md") << source::write_protocol(script.old);
                    std::ofstream(stem + ".new.md") << source::write_protocol(script.now);
                }
                ++pairs;
            }
        }
    }
    // The scripts really exercised every kind of edit.
    for (const std::string& kind : edit_kinds()) {
        INFO(kind);
        CHECK(edits_made[kind] > 0);
    }
    CHECK(pairs >= 20);
}
