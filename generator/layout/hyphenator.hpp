// Where a word may be hyphenated, from libhyphen's patterns (hyphen-en-us).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace protopub::layout {

class Hyphenator {
public:
    // Loads a libhyphen .dic file; a name without '/' is looked up in /usr/share/hyphen.
    // valid() is false (and `error` set) when it cannot be read.
    Hyphenator(const std::string& dictionary, std::string& error);
    ~Hyphenator();
    Hyphenator(const Hyphenator&) = delete;
    Hyphenator& operator=(const Hyphenator&) = delete;

    bool valid() const { return dict_ != nullptr; }
    // Byte offsets inside `word` before which a hyphen may go, keeping at least two
    // letters before and three after. Only plain ASCII words are hyphenated: names,
    // numbers and words with accents or capitals inside stay whole.
    std::vector<std::size_t> points(std::string_view word) const;
    // The lengths of the words points() splits (any other has none).
    static constexpr std::size_t shortest_word = 6, longest_word = 60;

private:
    struct Dict;
    Dict* dict_ = nullptr;
};

}  // namespace protopub::layout
