// Eight bytes at a time (SWAR): the high bit of each byte of a 64-bit word answers a
// question about that byte. The answer is exact up to the first byte that says yes (a
// borrow may set later ones), so callers look at the bytes from there one at a time.
#pragma once

#include <cstdint>
#include <cstring>

namespace protopub::model::swar {

constexpr std::uint64_t ones = 0x0101010101010101ULL;
constexpr std::uint64_t highs = 0x8080808080808080ULL;

inline std::uint64_t load(const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
}
// the bytes that are zero
inline std::uint64_t zero_bytes(std::uint64_t w) { return (w - ones) & ~w & highs; }
// the bytes equal to `c`
inline std::uint64_t bytes_equal(std::uint64_t w, char c) {
    return zero_bytes(w ^ (static_cast<unsigned char>(c) * ones));
}
// the bytes below `n` (at most 0x80)
inline std::uint64_t bytes_below(std::uint64_t w, unsigned n) { return (w - n * ones) & ~w & highs; }

}  // namespace protopub::model::swar
