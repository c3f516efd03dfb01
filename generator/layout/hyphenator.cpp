#include "layout/hyphenator.hpp"

#include <hyphen.h>

#include <cctype>

namespace protopub::layout {

struct Hyphenator::Dict {
    HyphenDict* handle;
};

Hyphenator::Hyphenator(const std::string& dictionary, std::string& error) {
    const std::string path = dictionary.find('/') == std::string::npos ? "/usr/share/hyphen/" + dictionary : dictionary;
    if (HyphenDict* handle = hnj_hyphen_load(path.c_str()))
        dict_ = new Dict{handle};
    else
        error = "cannot load hyphenation dictionary '" + path + "'";
}

Hyphenator::~Hyphenator() {
    if (dict_) hnj_hyphen_free(dict_->handle);
    delete dict_;
}

std::vector<std::size_t> Hyphenator::points(std::string_view word) const {
    std::vector<std::size_t> out;
    if (!dict_ || word.size() < shortest_word || word.size() > longest_word) return out;
    std::string lower(word);
    for (std::size_t i = 0; i < lower.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(lower[i]);
        // A capital after the first letter (an acronym, "McDonald") is not a word to split.
        if (!std::isalpha(c) || (i > 0 && std::isupper(c))) return out;
        lower[i] = static_cast<char>(std::tolower(c));
    }
    std::vector<char> hyphens(lower.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    if (hnj_hyphen_hyphenate3(dict_->handle, lower.data(), static_cast<int>(lower.size()), hyphens.data(), nullptr,
                              &rep, &pos, &cut, 2, 3, 2, 3) == 0 &&
        rep == nullptr) {
        for (std::size_t i = 0; i + 1 < lower.size(); ++i)
            if (hyphens[i] & 1) out.push_back(i + 1);
    }
    if (rep) {
        for (std::size_t i = 0; i < lower.size(); ++i) std::free(rep[i]);
        std::free(rep);
    }
    std::free(pos);
    std::free(cut);
    return out;
}

}  // namespace protopub::layout
