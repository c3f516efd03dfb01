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

#include "model/text.hpp"
#include "package/zip_reader.hpp"
#include "valid_output.hpp"

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

// Text from a source must never break the XML an output is made of: judged by libxml2
// (what xmllint, LibreOffice and browsers read), which is stricter than pugixml.
inline void require_well_formed_xml(std::string_view xml, const std::string& what) {
    if (std::string p = valid_output::xml_problem(xml); !p.empty()) fail(what + ": " + p);
    if (std::string p = valid_output::text_problem(xml); !p.empty()) fail(what + ": " + p);
}

// Every .xml part of a .docx package is well-formed.
inline void require_well_formed_docx(std::string_view package) {
    if (package.empty()) return;
    if (std::string p = valid_output::file_problem("fuzz.docx", package); !p.empty()) fail(p);
}

// Any output file by its name: XML well-formed, text valid UTF-8 that shows, no CSV
// cell a spreadsheet would run (valid_output::file_problem).
inline void require_valid_output(const std::string& name, std::string_view bytes) {
    if (std::string p = valid_output::file_problem(name, bytes); !p.empty()) fail(p);
}

// A source written back (by the source writer or an importer) is valid UTF-8.
inline void require_utf8(std::string_view text, const std::string& what) {
    if (std::size_t bad = protopub::model::find_invalid_utf8(text); bad != std::string_view::npos)
        fail(what + " is not valid UTF-8 at byte " + std::to_string(bad));
}

}  // namespace fuzzing
