// Shared by the fuzz targets: turning fuzzer bytes into one or two sources, and the
// properties every target checks besides "no crash".
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

#include <pugixml.hpp>

#include "package/zip_reader.hpp"

namespace fuzzing {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Two sources from one input: split at the first 0x01 byte (in the dictionary, so the
// fuzzer learns to place it), else at the middle. Lets diff and compare see two versions
// that share most of their text.
inline std::pair<std::string_view, std::string_view> split_two(std::string_view input) {
    std::size_t cut = input.find('\x01');
    if (cut == std::string_view::npos) return {input.substr(0, input.size() / 2), input.substr(input.size() / 2)};
    return {input.substr(0, cut), input.substr(cut + 1)};
}

// A broken property is a finding: abort so libFuzzer saves the input.
[[noreturn]] inline void fail(const std::string& what) {
    std::fprintf(stderr, "property broken: %s\n", what.c_str());
    std::abort();
}

// Text from a source must never break the XML an output is made of.
inline void require_well_formed_xml(std::string_view xml, const std::string& what) {
    pugi::xml_document doc;
    pugi::xml_parse_result r = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default);
    if (!r) fail(what + " is not well-formed XML: " + r.description() + " at offset " + std::to_string(r.offset));
}

// Every .xml part of a .docx package is well-formed.
inline void require_well_formed_docx(std::string_view package) {
    if (package.empty()) return;
    std::string error;
    auto parts = protopub::package::read_zip(package, error);
    if (!parts) fail("the .docx is not a readable zip: " + error);
    for (const auto& [name, bytes] : *parts)
        if (name.ends_with(".xml") || name.ends_with(".rels")) require_well_formed_xml(bytes, "docx part " + name);
}

}  // namespace fuzzing
