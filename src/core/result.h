#pragma once
// Errors as values at module edges (see CONTRIBUTING.md "Errors").
// Expected failures - bad input, a missing record, a conflict - travel as an
// Error inside a Result<T>; exceptions are kept for work that cannot go on.

#include <cassert>
#include <string>
#include <utility>
#include <variant>

#include "core/message.h"

namespace cx {

enum class ErrorCode {
  kInvalidInput,  // the user's input is wrong; exit code 2
  kNotFound,      // a named record does not exist; exit code 2
  kConflict,      // the record exists already, or the state forbids it; exit code 1
  kIo,            // a file or database could not be read or written; exit code 1
  kUnsupported,   // a file from a newer version, a foreign file; exit code 2
  kInternal,      // a bug; exit code 1
  // A stored row breaks the schema's rules (a hand-edited or damaged
  // database; LevelDB's Status::Corruption); exit code 1. `where` names the
  // table, the row's key and the field; the message says what was expected.
  kCorruption,
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  // Where the fault is: "file:line:column", a field path or a row. May be empty.
  std::string where;
  // The message kept translatable, for a person in another language (the
  // server's replies); empty when `message` is not ours to translate.
  Message said = {};

  // "where: message", or just the message when where is empty.
  std::string ToString() const { return where.empty() ? message : where + ": " + message; }
};

inline Error Said(ErrorCode code, Message said, std::string where) {
  std::string english = said.English();
  return {code, std::move(english), std::move(where), std::move(said)};
}
inline Error InvalidInput(Message said, std::string where = {}) {
  return Said(ErrorCode::kInvalidInput, std::move(said), std::move(where));
}
inline Error NotFound(Message said, std::string where = {}) {
  return Said(ErrorCode::kNotFound, std::move(said), std::move(where));
}
inline Error Conflict(Message said, std::string where = {}) {
  return Said(ErrorCode::kConflict, std::move(said), std::move(where));
}
// What to say to a person of `error`: its translatable message, else its text as it is.
inline Message SaidOf(const Error& error) {
  return error.said.empty() ? Verbatim(error.message) : error.said;
}
inline Error InvalidInput(std::string message, std::string where = {}) {
  return {ErrorCode::kInvalidInput, std::move(message), std::move(where), {}};
}
inline Error NotFound(std::string message, std::string where = {}) {
  return {ErrorCode::kNotFound, std::move(message), std::move(where), {}};
}
inline Error Conflict(std::string message, std::string where = {}) {
  return {ErrorCode::kConflict, std::move(message), std::move(where), {}};
}
inline Error IoError(std::string message, std::string where = {}) {
  return {ErrorCode::kIo, std::move(message), std::move(where), {}};
}
inline Error Unsupported(std::string message, std::string where = {}) {
  return {ErrorCode::kUnsupported, std::move(message), std::move(where), {}};
}
inline Error Internal(std::string message, std::string where = {}) {
  return {ErrorCode::kInternal, std::move(message), std::move(where), {}};
}
// "table contact row S/C-0001 field channel: expected one of ..., found 'fax'".
inline Error Corruption(const std::string& table, const std::string& row, const std::string& field,
                        std::string expected) {
  return {ErrorCode::kCorruption,
          "expected " + std::move(expected),
          "table " + table + " row " + row + " field " + field,
          {}};
}

// Exit code of the CLI for an error: 2 for bad input or usage, 1 otherwise.
inline int ExitCodeFor(const Error& error) {
  switch (error.code) {
    case ErrorCode::kInvalidInput:
    case ErrorCode::kNotFound:
    case ErrorCode::kUnsupported:
      return 2;
    default:
      return 1;
  }
}

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  const T& value() const& {
    assert(ok());
    return std::get<0>(state_);
  }
  T& value() & {
    assert(ok());
    return std::get<0>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(state_));
  }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

  const Error& error() const {
    assert(!ok());
    return std::get<1>(state_);
  }

 private:
  std::variant<T, Error> state_;
};

// Result<void>: success carries nothing.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const {
    assert(!ok_);
    return error_;
  }

 private:
  Error error_;
  bool ok_ = true;
};

using Status = Result<void>;
inline Status Ok() { return {}; }

}  // namespace cx

// Returns the error of an expression that yields a Result, else goes on.
#define CX_RETURN_IF_ERROR(expr)                     \
  do {                                               \
    auto cx_status_ = (expr);                        \
    if (!cx_status_.ok()) return cx_status_.error(); \
  } while (0)
