// Errors as values. Every expected failure (a malformed article, a bad format file, a missing
// file) comes back as an Error carrying the file and line it concerns; the library never throws
// for bad input, prints or exits. Only the CLI turns an Error into a message and an exit code.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace heatgraph {

struct Error {
    std::string file;  // the input it concerns; empty for errors about no particular file
    int line = 0;      // 1-based; 0 when the error concerns the file as a whole
    std::string message;

    // "file:line: message", "file: message" or just "message".
    [[nodiscard]] std::string describe() const;
};

// A value or the Error that prevented it (a minimal std::expected for C++20).
template <class T>
class Result {
  public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    [[nodiscard]] bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] T& value() & { return std::get<0>(state_); }
    [[nodiscard]] const T& value() const& { return std::get<0>(state_); }
    [[nodiscard]] T&& value() && { return std::get<0>(std::move(state_)); }
    [[nodiscard]] const Error& error() const { return std::get<1>(state_); }

    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

  private:
    std::variant<T, Error> state_;
};

}  // namespace heatgraph
