// A small, strict command-line parser shared by every subcommand: unknown options and
// missing values are usage errors (exit 2), never silently ignored.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "cli/commands.hpp"

namespace protopub::cli {

class Args {
public:
    // The options `command` lists in the command table: those with a value ("-o DIR")
    // and flags; anything else is a usage error.
    Args(const std::vector<std::string>& argv, const Command& command);

    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }
    const std::vector<std::string>& positional() const { return positional_; }
    bool flag(const std::string& name) const { return flags_seen_.count(name) > 0; }
    bool has(const std::string& name) const { return values_.count(name) > 0; }
    // The option's value (the last one, when it was given more than once).
    std::string value(const std::string& name, const std::string& fallback = "") const;
    // Every value of an option that may be repeated ("--link A=a --link B=b"), in order.
    std::vector<std::string> values(const std::string& name) const;

    // "--format html,pdf" -> {"html","pdf"}; unknown entries make ok() false.
    std::vector<std::string> list(const std::string& name, const std::vector<std::string>& fallback,
                                  const std::vector<std::string>& allowed);

private:
    std::vector<std::string> positional_;
    std::map<std::string, std::vector<std::string>> values_;
    std::set<std::string> flags_seen_;
    std::string error_;
};

}  // namespace protopub::cli
