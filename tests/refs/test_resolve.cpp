// Internal references: found in the words, resolved to clause ids, checked.
#include <catch2/catch.hpp>

#include "model/text.hpp"
#include "paths.hpp"
#include "refs/helpers.hpp"

using namespace protopub;
using refs_test::data_path;
using refs_test::find_refs;
using refs_test::load;

namespace {

std::vector<std::string> target_ids(const model::Reference& r) {
    std::vector<std::string> ids;
    for (const auto& t : r.targets) ids.push_back(t.clause_id);
    return ids;
}

const model::Reference& only(const model::Protocol& p, const std::string& text) {
    auto found = find_refs(p, text);
    INFO("reference '" << text << "'");
    REQUIRE(found.size() == 1);
    return *found.front();
}

// Every reference inline anywhere in `inlines`.
void collect_reference_inlines(const model::Inlines& inlines, std::vector<const model::Inline*>& out) {
    for (const auto& in : inlines) {
        if (in.kind == model::InlineKind::reference) out.push_back(&in);
        collect_reference_inlines(in.children, out);
    }
}

std::vector<const model::Inline*> reference_inlines(const model::Protocol& p) {
    std::vector<const model::Inline*> out;
    for (const auto& s : p.sections)
        for (const auto& c : s.clauses)
            for (const auto& b : c.blocks) {
                collect_reference_inlines(b.inlines, out);
                for (const auto& item : b.items)
                    for (const auto& ib : item.blocks) collect_reference_inlines(ib.inlines, out);
            }
    return out;
}

}  // namespace

TEST_CASE("single references, lists and ranges resolve to clause and section ids", "[refs]") {
    model::Diagnostics diags;
    auto p = load(data_path("internal.md"), diags);

    CHECK(target_ids(only(p, "paragraph 2.2")) == std::vector<std::string>{"officers"});
    CHECK(target_ids(only(p, "section 3")) == std::vector<std::string>{"when-things-go-wrong"});
    CHECK(target_ids(only(p, "Paragraphs 2.1, 2.2 and 2.4")) ==
          std::vector<std::string>{"councillors", "officers", "deleted"});
    CHECK_FALSE(only(p, "Paragraphs 2.1, 2.2 and 2.4").is_range);

    for (const char* range : {"paragraphs 2.1 to 2.3", "paragraphs 2.1-2.3"}) {
        const auto& r = only(p, range);
        CHECK(r.is_range);
        CHECK(target_ids(r) == std::vector<std::string>{"councillors", "chairs"});
    }
    const auto& dashed = only(p, "clauses 2.2\u20132.4 below");
    CHECK(dashed.is_range);
    CHECK(target_ids(dashed) == std::vector<std::string>{"officers", "deleted"});

    CHECK(target_ids(only(p, "Paragraph 1.1 above")) == std::vector<std::string>{"purpose"});
    CHECK(target_ids(only(p, "paragraph 2.3 of this Protocol")) == std::vector<std::string>{"chairs"});
    CHECK(target_ids(only(p, "sub-paragraph 2.2(a)")) == std::vector<std::string>{"officers"});
    CHECK(only(p, "sub-paragraph 2.2(a)").targets.front().number == "2.2(a)");
    CHECK(target_ids(only(p, "para. 2.1")) == std::vector<std::string>{"councillors"});
    for (const auto& r : p.references)
        if (r.kind == model::ReferenceKind::internal) CHECK(r.resolved);
}

TEST_CASE("a reference broken across lines keeps its words and the position of each number", "[refs]") {
    model::Diagnostics diags;
    auto p = load(data_path("internal.md"), diags);
    auto both = find_refs(p, "paragraph 2.4");  // the first is "paragraph\n2.4 explains" in clause 2.2
    REQUIRE(both.size() == 2);
    const auto& r = *both.front();
    CHECK(r.pos.line == 20);
    CHECK(r.pos.column == 1);
    CHECK(r.targets.front().pos.line == 21);
    CHECK(r.targets.front().pos.column == 1);

    const auto& list = only(p, "Paragraphs 2.1, 2.2 and 2.4");
    REQUIRE(list.targets.size() == 3);
    CHECK(list.targets[0].pos.line == 12);
    CHECK(list.targets[0].pos.column == 25);
    CHECK(list.targets[2].pos.column == 38);
}

TEST_CASE("references become reference inlines holding the words as written", "[refs]") {
    model::Diagnostics before_diags;
    auto before = source::read_protocol(testing::read(data_path("internal.md")), "internal.md", before_diags);
    model::Diagnostics diags;
    auto p = load(data_path("internal.md"), diags);

    // the words of every clause are exactly what they were
    REQUIRE(before.sections.size() == p.sections.size());
    for (std::size_t s = 0; s < p.sections.size(); ++s)
        for (std::size_t c = 0; c < p.sections[s].clauses.size(); ++c)
            CHECK(model::plain_text(before.sections[s].clauses[c]) == model::plain_text(p.sections[s].clauses[c]));

    auto inlines = reference_inlines(p);
    REQUIRE(inlines.size() == p.references.size());
    for (const auto* in : inlines) {
        REQUIRE(in->reference >= 0);
        REQUIRE(in->reference < static_cast<int>(p.references.size()));
        const auto& r = p.references[static_cast<std::size_t>(in->reference)];
        CHECK(model::plain_text(in->children) == r.text);
        CHECK(in->pos.line == r.pos.line);
        CHECK(in->pos.column == r.pos.column);
    }
    // the line break inside "paragraph\n2.4" stays a break inside the reference
    auto broken = std::find_if(inlines.begin(), inlines.end(), [](const model::Inline* in) {
        return in->children.size() == 3 && in->children[1].kind == model::InlineKind::soft_break;
    });
    CHECK(broken != inlines.end());
}

TEST_CASE("references that cannot be followed are reported with their place", "[refs]") {
    model::Diagnostics diags;
    load(data_path("dangling.md"), diags);
    REQUIRE(diags.error_count() == 1);
    const auto& d = diags.items().front();
    CHECK(model::format(d) ==
          data_path("dangling.md") + ":12:74: error: reference 'paragraph 9.9' points nowhere: there is no clause 9.9");
}

TEST_CASE("references to a deleted clause are errors, to a twice-numbered one, warnings", "[refs]") {
    model::Diagnostics diags;
    auto p = load(data_path("internal.md"), diags);
    std::vector<std::string> messages;
    for (const auto& d : diags.items()) messages.push_back(model::format(d));
    CHECK(std::count_if(messages.begin(), messages.end(), [](const std::string& m) {
              return m.find("error: reference 'paragraph 2.4' points to clause 2.4, which is deleted") !=
                     std::string::npos;
          }) == 2);
    CHECK(diags.warning_count() == 0);

    model::Diagnostics twice;
    auto q = load(data_path("ambiguous.md"), twice);
    const auto& r = only(q, "paragraph 1.2");
    CHECK(r.ambiguous);
    CHECK_FALSE(r.resolved);
    CHECK(twice.warning_count() == 1);
}

TEST_CASE("is_deleted_clause recognises the ways constitutions mark a removed clause", "[refs]") {
    auto clause = [](const std::string& words) {
        model::Clause c;
        model::Block b;
        b.inlines.push_back({model::InlineKind::text, words, "", {}, -1, {}});
        c.blocks.push_back(b);
        return c;
    };
    CHECK(refs::is_deleted_clause(clause("Deleted")));
    CHECK(refs::is_deleted_clause(clause("[Deleted]")));
    CHECK(refs::is_deleted_clause(clause("Not used.")));
    CHECK_FALSE(refs::is_deleted_clause(clause("Deleted clauses are kept for their numbers.")));
}

TEST_CASE("constitution references keep their document, part and numbers", "[refs]") {
    model::Diagnostics diags;
    auto p = load(data_path("internal.md"), diags);
    const auto& code = only(p, "section 3 of the Code of Conduct for Councillors");
    CHECK(code.kind == model::ReferenceKind::constitution);
    CHECK(code.document == "Code of Conduct for Councillors");
    REQUIRE(code.targets.size() == 1);
    CHECK(code.targets.front().number == "3");
    CHECK_FALSE(code.resolved);

    const auto& here = only(p, "paragraph 4.1 of this Constitution");
    CHECK(here.kind == model::ReferenceKind::constitution);

    model::Diagnostics sample_diags;
    auto sample = load(test_env::source_dir() + "/tests/data/sample.md", sample_diags);
    const auto& part = only(sample, "Part 3 of this Constitution");
    CHECK(part.kind == model::ReferenceKind::constitution);
    CHECK(part.part == "3");
    CHECK(target_ids(only(sample, "paragraph 3.2")) == std::vector<std::string>{"complaints"});
}

TEST_CASE("'above', 'below' and ranges that point the wrong way are warnings", "[refs]") {
    model::Diagnostics diags;
    auto p = source::read_protocol(
        testing::source_with_body("## 1. Intro\n\n"
                                  "1.1 {#a} See paragraph 1.3 above.\n\n"
                                  "1.2 {#b} See paragraph 1.1 below and paragraphs 1.3 to 1.1.\n\n"
                                  "1.3 {#c} See paragraph 1.1 above and paragraph 1.2.\n"),
        "t.md", diags);
    refs::resolve_references(p, diags);
    CHECK(testing::formatted(diags) ==
          "t.md:10:14: warning: reference 'paragraph 1.3 above' says 'above' but 1.3 comes later\n"
          "t.md:12:14: warning: reference 'paragraph 1.1 below' says 'below' but 1.1 comes earlier\n"
          "t.md:12:38: warning: reference 'paragraphs 1.3 to 1.1' has a range that runs backwards: 1.3 to 1.1\n");
}
