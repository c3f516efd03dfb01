#pragma once
// Reading a TrueType file's big-endian numbers, bounds first: fonts come from the machine
// and a truncated or hostile one must not read past its end. Shared by the font metrics
// (layout/fonts) and the subsetter that embeds fonts (pdf/font_subset).
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace protopub::layout {

struct FontBytes {
    std::string_view data;
    bool ok(std::size_t offset, std::size_t size) const {
        return offset <= data.size() && size <= data.size() - offset;
    }
    std::uint16_t u16(std::size_t o) const {
        return static_cast<std::uint16_t>((static_cast<unsigned char>(data[o]) << 8) |
                                          static_cast<unsigned char>(data[o + 1]));
    }
    std::int16_t s16(std::size_t o) const { return static_cast<std::int16_t>(u16(o)); }
    std::uint32_t u32(std::size_t o) const { return (std::uint32_t(u16(o)) << 16) | u16(o + 2); }
};

}  // namespace protopub::layout
