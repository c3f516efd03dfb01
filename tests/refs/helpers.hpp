// Shared by the refs tests: read a test source the way the pipeline does, and find
// references in it by their words.
#pragma once

#include <string>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/protocol.hpp"
#include "refs/refs.hpp"
#include "source/reader.hpp"
#include "support.hpp"

namespace protopub::refs_test {

inline std::string data_path(const std::string& name) { return test_env::source_dir() + "/tests/data/refs/" + name; }

// Reads and resolves a source; diagnostics of both steps land in `diags`.
inline model::Protocol load(const std::string& path, model::Diagnostics& diags) {
    model::Protocol p = source::read_protocol(testing::read(path), path, diags);
    refs::resolve_references(p, diags);
    return p;
}

// The references of `p` whose words are exactly `text`.
inline std::vector<const model::Reference*> find_refs(const model::Protocol& p, const std::string& text) {
    std::vector<const model::Reference*> out;
    for (const auto& r : p.references)
        if (r.text == text) out.push_back(&r);
    return out;
}

// The text with every run of digits replaced by '#': two texts that differ only in their
// numbers (3.9 -> 3.10 included) compare equal.
inline std::string without_numbers(const std::string& s) {
    std::string out;
    for (char c : s) {
        const bool digit = c >= '0' && c <= '9';
        if (!digit)
            out += c;
        else if (out.empty() || out.back() != '#')
            out += '#';
    }
    return out;
}

}  // namespace protopub::refs_test
