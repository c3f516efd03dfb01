#include "model/protocol.hpp"

namespace protopub::model {

const char* to_string(Status s) {
    switch (s) {
        case Status::draft: return "draft";
        case Status::adopted: return "adopted";
        case Status::superseded: return "superseded";
    }
    return "draft";
}

const char* to_string(ListStyle s) {
    switch (s) {
        case ListStyle::bullet: return "bullet";
        case ListStyle::ordered: return "ordered";
        case ListStyle::alpha_paren: return "alpha-paren";
        case ListStyle::alpha_close: return "alpha-close";
        case ListStyle::alpha_dot: return "alpha-dot";
        case ListStyle::roman_paren: return "roman-paren";
        case ListStyle::roman_close: return "roman-close";
        case ListStyle::roman_dot: return "roman-dot";
        case ListStyle::decimal_paren: return "decimal-paren";
    }
    return "bullet";
}

const char* to_string(ChangeKind k) {
    switch (k) {
        case ChangeKind::none: return "none";
        case ChangeKind::unchanged: return "unchanged";
        case ChangeKind::renumbered: return "renumbered";
        case ChangeKind::amended: return "amended";
        case ChangeKind::moved: return "moved";
        case ChangeKind::inserted: return "inserted";
        case ChangeKind::deleted: return "deleted";
        case ChangeKind::split: return "split";
        case ChangeKind::merged: return "merged";
    }
    return "none";
}

const char* to_string(ReferenceKind k) {
    switch (k) {
        case ReferenceKind::internal: return "internal";
        case ReferenceKind::constitution: return "constitution";
        case ReferenceKind::statute: return "statute";
    }
    return "internal";
}

}  // namespace protopub::model
