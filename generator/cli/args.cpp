#include "cli/args.hpp"

#include <algorithm>
#include "model/text.hpp"

namespace protopub::cli {

Args::Args(const std::vector<std::string>& argv, const Command& command) {
    std::set<std::string> with_value, flags;
    for (const char* name : command.options) (*find_option(name)->value ? with_value : flags).insert(name);
    bool only_positional = false;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (only_positional || a.size() < 2 || a[0] != '-') {
            positional_.push_back(a);
            continue;
        }
        if (a == "--") {
            only_positional = true;
            continue;
        }
        std::string name = a, inline_value;
        bool has_inline = false;
        if (auto eq = a.find('='); a.rfind("--", 0) == 0 && eq != std::string::npos) {
            name = a.substr(0, eq);
            inline_value = a.substr(eq + 1);
            has_inline = true;
        }
        if (with_value.count(name)) {
            if (has_inline) {
                values_[name].push_back(inline_value);
            } else if (i + 1 < argv.size()) {
                values_[name].push_back(argv[++i]);
            } else {
                error_ = "option '" + name + "' needs a value";
                return;
            }
            // Words that an output prints (not paths, which name files as the system does)
            // pass the same rule as the words of a source.
            static const std::set<std::string> printed = {"--author", "--council", "--title", "--version", "--link"};
            std::string words = values_[name].back();
            if (printed.count(name))
                if (const model::Unshowable u = model::make_showable(words); u.count > 0) {
                    error_ = "option '" + name + "' holds " + (u.name[0] == 'U' ? "character " : "") + u.name +
                             ", which no output can show";
                    return;
                }
        } else if (flags.count(name) && !has_inline) {
            flags_seen_.insert(name);
        } else {
            error_ = "unknown option '" + a + "'";
            return;
        }
    }
}

std::string Args::value(const std::string& name, const std::string& fallback) const {
    auto it = values_.find(name);
    return it == values_.end() ? fallback : it->second.back();
}

std::vector<std::string> Args::values(const std::string& name) const {
    auto it = values_.find(name);
    return it == values_.end() ? std::vector<std::string>{} : it->second;
}

std::vector<std::string> Args::list(const std::string& name, const std::vector<std::string>& fallback,
                                    const std::vector<std::string>& allowed) {
    if (!has(name)) return fallback;
    std::vector<std::string> out;
    const std::string v = value(name);
    std::size_t start = 0;
    while (start <= v.size()) {
        std::size_t comma = v.find(',', start);
        std::string item = v.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!item.empty()) {
            if (std::find(allowed.begin(), allowed.end(), item) == allowed.end()) {
                std::string names;
                for (const auto& a : allowed) names += (names.empty() ? "" : ", ") + a;
                error_ = "unknown value '" + item + "' for " + name + " (expected: " + names + ")";
                return {};
            }
            out.push_back(item);
        }
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    if (out.empty()) error_ = "option '" + name + "' needs at least one value";
    return out;
}

}  // namespace protopub::cli
