// The hash of the tables keyed by text (words, ids, runs of words), inline: eight bytes
// per multiply. std::hash's out-of-line murmur cost a call and about 1.4 instructions a
// byte, 8M instructions of a json,csv redline of the bench pair (the reference memo's
// runs, the word diff's keys, the ids).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "model/swar.hpp"

namespace protopub::model {

namespace hash_detail {
constexpr std::uint64_t multiplier = 0x9E3779B97F4A7C15ULL;  // 2^64 / the golden ratio, odd
// The full 128-bit product folded: every bit of `a ^ b` reaches every bit of the result.
inline std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
    const unsigned __int128 product = static_cast<unsigned __int128>(a ^ b) * multiplier;
    return static_cast<std::uint64_t>(product) ^ static_cast<std::uint64_t>(product >> 64);
}
inline std::uint64_t load4(const char* p) {
    std::uint32_t w;
    std::memcpy(&w, p, 4);
    return w;
}
}  // namespace hash_detail

inline std::size_t hash_text(std::string_view s) {
    using namespace hash_detail;
    const char* p = s.data();
    std::size_t n = s.size();
    std::uint64_t h = n;
    if (n >= 8) {
        for (; n > 8; n -= 8, p += 8) h = mix(h, swar::load(p));
        return mix(h, swar::load(s.data() + s.size() - 8));  // the last eight, overlapping
    }
    if (n >= 4) return mix(h, (load4(p) << 32) | load4(p + n - 4));
    if (n > 0)
        return mix(h, (static_cast<std::uint64_t>(static_cast<unsigned char>(p[0])) << 16) |
                          (static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8) |
                          static_cast<unsigned char>(p[n - 1]));
    return mix(h, 0);
}

// For unordered containers of std::string looked up by std::string_view (no copy). Not
// noexcept, so libstdc++ keeps each node's hash and a lookup does not hash the nodes it passes.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return hash_text(s); }
};

}  // namespace protopub::model
