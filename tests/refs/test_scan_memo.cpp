// refs::ScanMemo: versions of a protocol read one after another skip the runs of words
// seen before, and find exactly what each would alone.
#include <catch2/catch.hpp>

#include <filesystem>

#include "refs/helpers.hpp"

using namespace protopub;

namespace {

// Everything resolving gives a protocol, as text: its references, its terms and the
// reference inlines of its clauses (which words each holds).
std::vector<std::string> resolved(const model::Protocol& p) {
    std::vector<std::string> out;
    for (const auto& r : p.references) {
        std::string line = std::to_string(static_cast<int>(r.kind)) + "|" + r.text + "|" + r.document + "|" + r.part +
                           "|" + r.url + "|" + std::to_string(r.resolved) + "|" + std::to_string(r.pos.line) + ":" +
                           std::to_string(r.pos.column);
        for (const auto& t : r.targets) line += "|" + t.number + ">" + t.clause_id;
        out.push_back(line);
    }
    for (const auto& t : p.terms) out.push_back("term|" + t.term + "|" + t.clause_id + "|" + t.definition);
    for (const auto& s : p.sections)
        for (const auto& c : s.clauses)
            for (const auto& b : c.blocks)
                for (const auto& in : b.inlines)
                    if (in.kind == model::InlineKind::reference)
                        out.push_back(c.id + " holds reference " + std::to_string(in.reference));
    return out;
}

model::Protocol read(const std::string& text, model::Diagnostics& diags, refs::ScanMemo* memo) {
    model::Protocol p = source::read_protocol(text, "memo.md", diags);
    refs::resolve_references(p, diags, memo);
    return p;
}

const std::string front = "---\ntitle: Memo\ncouncil: Test Council\nversion: \"1\"\nstatus: draft\n---\n\n";

}  // namespace

TEST_CASE("sources read after others through one scan memo resolve as they do alone", "[refs]") {
    std::vector<std::string> texts;
    for (const auto& entry : std::filesystem::directory_iterator(refs_test::data_path("")))
        if (entry.path().extension() == ".md") texts.push_back(testing::read(entry.path().string()));
    REQUIRE(texts.size() > 3);
    refs::ScanMemo memo;
    for (int pass = 0; pass < 2; ++pass)  // the second pass finds every run in the memo
        for (const std::string& text : texts) {
            model::Diagnostics alone_diags, memo_diags;
            const model::Protocol alone = read(text, alone_diags, nullptr);
            const model::Protocol with_memo = read(text, memo_diags, &memo);
            CHECK(resolved(with_memo) == resolved(alone));
            CHECK(memo_diags.items().size() == alone_diags.items().size());
        }
}

TEST_CASE("a run seen before a statute was given a name is scanned again once it has one", "[refs]") {
    const std::string without_name =
        front + "## 1. General {#general}\n\n1.1 {#scope} Regulation 4 of the Act applies.\n";
    const std::string with_name = front +
                                  "## 1. General {#general}\n\n"
                                  "1.1 {#publicity} The Council must comply with the Local Government Act 1986 "
                                  "(\"the Act\") on publicity.\n\n"
                                  "1.2 {#scope} Regulation 4 of the Act applies.\n";
    model::Diagnostics diags;
    const model::Protocol alone = read(with_name, diags, nullptr);
    REQUIRE_FALSE(refs_test::find_refs(alone, "Regulation 4 of the Act").empty());

    refs::ScanMemo memo;
    const model::Protocol first = read(without_name, diags, &memo);
    CHECK(refs_test::find_refs(first, "Regulation 4 of the Act").empty());  // held nothing: kept in the memo
    const model::Protocol second = read(with_name, diags, &memo);
    CHECK(resolved(second) == resolved(alone));
}
