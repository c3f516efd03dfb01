// Test inputs shared by the Word, Akoma Ntoso and constitution tests.
#pragma once

#include <string>

#include <catch2/catch.hpp>

#include "model/protocol.hpp"
#include "paths.hpp"
#include "source/reader.hpp"

namespace protopub::testing {

inline const std::string sample_path = test_env::source_dir() + "/tests/data/sample.md";

inline model::Protocol load(const std::string& path) {
    model::Diagnostics diags;
    auto p = source::load_protocol(path, diags);
    REQUIRE(p);
    return *p;
}

inline model::Clause* find_clause(model::Protocol& p, const std::string& id) {
    for (auto& s : p.sections)
        for (auto& c : s.clauses)
            if (c.id == id) return &c;
    return nullptr;
}

inline model::Inline text(const std::string& words) {
    model::Inline in;
    in.text = words;
    return in;
}

inline model::Inline reference_to(int index, const std::string& words) {
    model::Inline in;
    in.kind = model::InlineKind::reference;
    in.reference = index;
    in.children = {text(words)};
    return in;
}

// The sample with one internal and one statute reference, as the resolve stage makes them.
inline model::Protocol sample_with_references() {
    auto p = load(sample_path);
    model::Reference internal;
    internal.targets.push_back({"3.2", "complaints"});
    internal.resolved = true;
    model::Reference statute;
    statute.kind = model::ReferenceKind::statute;
    statute.url = "https://www.legislation.gov.uk/ukpga/1988/41/section/114";
    statute.resolved = true;
    p.references = {internal, statute};
    auto& words = find_clause(p, "breaches")->blocks.front().inlines;
    words.insert(words.end(), {text(" See "), reference_to(0, "paragraph 3.2"), text(" and "),
                               reference_to(1, "section 114"), text(".")});
    return p;
}

}  // namespace protopub::testing
