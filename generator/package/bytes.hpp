// Little-endian integers as the ZIP layout stores them: read at an offset, appended.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace protopub::package {

inline std::uint16_t get16(std::string_view s, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at]) | static_cast<unsigned char>(s[at + 1]) << 8);
}
inline std::uint32_t get32(std::string_view s, std::size_t at) {
    return get16(s, at) | std::uint32_t(get16(s, at + 2)) << 16;
}
inline std::uint64_t get64(std::string_view s, std::size_t at) {
    return get32(s, at) | std::uint64_t(get32(s, at + 4)) << 32;
}

inline void put16(std::string& out, std::uint32_t v) {
    out += static_cast<char>(v & 0xFF);
    out += static_cast<char>((v >> 8) & 0xFF);
}
inline void put32(std::string& out, std::uint32_t v) {
    put16(out, v & 0xFFFF);
    put16(out, v >> 16);
}
inline void put64(std::string& out, std::uint64_t v) {
    put32(out, static_cast<std::uint32_t>(v));
    put32(out, static_cast<std::uint32_t>(v >> 32));
}

}  // namespace protopub::package
