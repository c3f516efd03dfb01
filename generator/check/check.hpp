// Structural checks on a parsed protocol: numbering and empty clauses. (Encoding, front
// matter and duplicate ids are reported by the reader, references by the refs stage.)
#pragma once

#include "model/diagnostics.hpp"
#include "model/protocol.hpp"

namespace protopub::check {

void check_structure(const model::Protocol& p, model::Diagnostics& diags);

}  // namespace protopub::check
