// The redline through the Word writer, end to end from two versions: Accept All gives
// NEW and Reject All gives OLD paragraph by paragraph (headings, introductions and the
// contents included); w:ids are unique; w:del holds only w:delText.
#include <catch2/catch.hpp>

#include <map>
#include <regex>

#include "docx/docx.hpp"
#include "docx/word_reader.hpp"
#include "redline/redline.hpp"
#include "redline/versions.hpp"

using namespace protopub;
using namespace redline_test;

namespace {

std::string render(const model::Protocol& p) {
    model::Diagnostics diags;
    docx::DocxOptions options;
    options.epoch = 1714521600;  // 2024-05-01
    options.revision_author = "Monitoring Officer";
    auto bytes = docx::render_docx(p, options, diags);
    REQUIRE_FALSE(diags.has_errors());
    return bytes;
}

void check_same(const std::vector<testing::WordParagraph>& got, const std::vector<testing::WordParagraph>& want) {
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        INFO("paragraph " << i << ": " << got[i].text << " | " << want[i].text);
        CHECK(got[i].text == want[i].text);
        CHECK(got[i].style == want[i].style);
    }
}

}  // namespace

TEST_CASE("Word redline: Accept All is NEW, Reject All is OLD, for every kind of edit", "[redline][docx]") {
    const auto old = load(fixture);
    const std::vector<std::pair<const char*, model::Protocol (*)(model::Protocol)>> edits = {
        {"insert", insert_early},
        {"delete", delete_one},
        {"move", move_only},
        {"move and reword", move_and_reword},
        {"reword", reword_some},
        {"split", split_one},
        {"merge", merge_two},
        {"everything", everything},
        {"rename a section", rename_section},
        {"rename a section and its id", rename_section_and_id},
        {"delete a section", delete_section},
        {"insert a section", insert_section},
        {"edit introductions", edit_introductions},
        {"drop a preamble paragraph", drop_preamble_paragraph},
        {"every section edit", every_section_edit}};
    const auto old_paragraphs = testing::word_paragraphs(render(old), testing::View::as_written);
    for (const auto& [name, edit] : edits) {
        SECTION(name) {
            const auto edited = edit(old);
            auto red = redline::build_redline(redline::compare_versions(old, edited), old, edited);
            red.meta = edited.meta;  // the title block is not a tracked change
            const std::string tracked = render(red);
            check_same(testing::word_paragraphs(tracked, testing::View::accept_all),
                       testing::word_paragraphs(render(edited), testing::View::as_written));
            auto rejected_meta = red;
            rejected_meta.meta = old.meta;
            check_same(testing::word_paragraphs(render(rejected_meta), testing::View::reject_all), old_paragraphs);

            const std::string xml = testing::unpack_docx(tracked)["word/document.xml"];
            CHECK_FALSE(
                std::regex_search(xml, std::regex("<w:del [^>]*>(<w:r>(<w:rPr>(<w:\\w+[^>]*/>)*</w:rPr>)?)?<w:t[ >]")));
            std::map<std::string, int> uses;
            static const std::regex id("<w:(\\w+) w:id=\"(\\d+)\"");
            for (auto it = std::sregex_iterator(xml.begin(), xml.end(), id); it != std::sregex_iterator(); ++it) {
                const std::string element = (*it)[1];
                if (element.size() < 3 || element.compare(element.size() - 3, 3, "End") != 0) ++uses[(*it)[2]];
            }
            for (const auto& [value, n] : uses) {
                INFO("w:id " << value);
                CHECK(n == 1);
            }
        }
    }
}
