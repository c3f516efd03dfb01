// Shared by the fuzz targets: turning fuzzer bytes into one or two sources.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

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

}  // namespace fuzzing
