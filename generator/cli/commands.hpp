// The subcommands of `protopub`. Each takes the arguments after its name and returns
// the process exit code: 0 success, 1 problems found in the input, 2 usage or I/O error.
#pragma once

#include <string>
#include <vector>

namespace protopub::cli {

enum Exit { exit_ok = 0, exit_input_errors = 1, exit_usage = 2 };

using CommandFn = int (*)(const std::vector<std::string>& args);

struct Command {
    const char* name;
    const char* synopsis;   // one line for `protopub help`
    CommandFn run;
};

int run_check(const std::vector<std::string>& args);
int run_build(const std::vector<std::string>& args);
int run_import(const std::vector<std::string>& args);
int run_refs(const std::vector<std::string>& args);
int run_renumber(const std::vector<std::string>& args);
int run_constitution(const std::vector<std::string>& args);
int run_diff(const std::vector<std::string>& args);
int run_compare(const std::vector<std::string>& args);
int run_report(const std::vector<std::string>& args);
int run_history(const std::vector<std::string>& args);

// The table `protopub` dispatches on (defined in commands.cpp).
const std::vector<Command>& commands();

}  // namespace protopub::cli
