#include "study/yaml_fields.h"

#include <algorithm>
#include <cmath>

#include "core/duration.h"

namespace cx::study {

Mark MarkOf(const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  // yaml-cpp marks are 0-based, and -1 for nodes made outside a document.
  if (mark.line < 0) return {};
  return {mark.line + 1, mark.column + 1};
}

void Diagnostics::Error(Mark mark, std::string message) {
  items_.push_back({file_, mark.line, mark.column, std::move(message)});
}

std::vector<Diagnostic> Diagnostics::Take() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  return std::move(items_);
}

Mark SourceMap::Get(std::string path) const {
  while (true) {
    auto it = marks_.find(path);
    if (it != marks_.end()) return it->second;
    const size_t cut = path.find_last_of(".[");
    if (cut == std::string::npos || cut == 0) break;
    path.resize(cut);
  }
  auto it = marks_.find(path);
  return it == marks_.end() ? Mark{} : it->second;
}

std::string Join(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

std::string Index(const std::string& path, size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

namespace {
std::string_view KindOf(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Null:
      return "nothing";
    default:
      return "a scalar";
  }
}
}  // namespace

bool Fields::ExpectMap(const YAML::Node& node, const std::string& path) {
  if (node.IsMap()) return true;
  diagnostics_.Error(
      MarkOf(node), path + ": expected a mapping (key: value), found " + std::string(KindOf(node)));
  return false;
}

bool Fields::ExpectSequence(const YAML::Node& node, const std::string& path) {
  if (node.IsSequence()) return true;
  diagnostics_.Error(MarkOf(node),
                     path + ": expected a list (- item), found " + std::string(KindOf(node)));
  return false;
}

void Fields::CheckKeys(const YAML::Node& map, const std::string& path,
                       std::initializer_list<std::string_view> allowed) {
  if (!map.IsMap()) return;
  for (const auto& entry : map) {
    const std::string key = entry.first.Scalar();
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string expected;
    for (std::string_view name : allowed) {
      if (!expected.empty()) expected += ", ";
      expected += name;
    }
    diagnostics_.Error(MarkOf(entry.first), Join(path, key) + ": unknown key '" + key +
                                                "' (expected one of: " + expected + ")");
  }
}

std::optional<YAML::Node> Fields::Get(const YAML::Node& map, const std::string& key,
                                      const std::string& path, bool required) {
  if (map.IsMap()) {
    const YAML::Node value = map[key];
    if (value.IsDefined() && !value.IsNull()) {
      Remember(Join(path, key), value);
      return value;
    }
  }
  if (required) {
    diagnostics_.Error(MarkOf(map), Join(path, key) + ": missing key '" + key + "'");
  }
  return std::nullopt;
}

std::optional<std::string> Fields::Scalar(const YAML::Node& node, const std::string& path,
                                          std::string_view expected) {
  if (node.IsScalar()) return node.Scalar();
  diagnostics_.Error(MarkOf(node), path + ": expected " + std::string(expected) + ", found " +
                                       std::string(KindOf(node)));
  return std::nullopt;
}

std::optional<std::string> Fields::String(const YAML::Node& map, const std::string& key,
                                          const std::string& path, bool required) {
  auto node = Get(map, key, path, required);
  if (!node) return std::nullopt;
  auto text = Scalar(*node, Join(path, key), "a text");
  if (text && text->empty() && required) {
    diagnostics_.Error(MarkOf(*node), Join(path, key) + ": expected a text, found an empty one");
    return std::nullopt;
  }
  return text;
}

std::optional<double> Fields::Number(const YAML::Node& map, const std::string& key,
                                     const std::string& path, bool required) {
  auto node = Get(map, key, path, required);
  if (!node) return std::nullopt;
  auto text = Scalar(*node, Join(path, key), "a number");
  if (!text) return std::nullopt;
  double value = 0;
  if (!YAML::convert<double>::decode(*node, value) || !std::isfinite(value)) {
    diagnostics_.Error(MarkOf(*node),
                       Join(path, key) + ": expected a number, found '" + *text + "'");
    return std::nullopt;
  }
  return value;
}

std::optional<int> Fields::Integer(const YAML::Node& map, const std::string& key,
                                   const std::string& path, bool required) {
  auto node = Get(map, key, path, required);
  if (!node) return std::nullopt;
  auto text = Scalar(*node, Join(path, key), "a whole number");
  if (!text) return std::nullopt;
  int value = 0;
  if (!YAML::convert<int>::decode(*node, value)) {
    diagnostics_.Error(MarkOf(*node),
                       Join(path, key) + ": expected a whole number, found '" + *text + "'");
    return std::nullopt;
  }
  return value;
}

std::optional<bool> Fields::Boolean(const YAML::Node& map, const std::string& key,
                                    const std::string& path, bool required) {
  auto node = Get(map, key, path, required);
  if (!node) return std::nullopt;
  auto text = Scalar(*node, Join(path, key), "true or false");
  if (!text) return std::nullopt;
  if (*text == "true" || *text == "yes") return true;
  if (*text == "false" || *text == "no") return false;
  diagnostics_.Error(MarkOf(*node),
                     Join(path, key) + ": expected true or false, found '" + *text + "'");
  return std::nullopt;
}

std::optional<double> Fields::Duration(const YAML::Node& map, const std::string& key,
                                       const std::string& path, bool required) {
  auto node = Get(map, key, path, required);
  if (!node) return std::nullopt;
  auto text = Scalar(*node, Join(path, key), "a duration");
  if (!text) return std::nullopt;
  auto seconds = ParseDurationSeconds(*text);
  if (!seconds) {
    diagnostics_.Error(
        MarkOf(*node),
        Join(path, key) + ": expected a duration such as 20s, 10m or 48h, found '" + *text + "'");
  }
  return seconds;
}

std::vector<std::string> Fields::StringList(const YAML::Node& map, const std::string& key,
                                            const std::string& path, bool required) {
  std::vector<std::string> items;
  auto node = Get(map, key, path, required);
  if (!node) return items;
  if (node->IsScalar()) {
    items.push_back(node->Scalar());
    return items;
  }
  if (!ExpectSequence(*node, Join(path, key))) return items;
  for (size_t index = 0; index < node->size(); ++index) {
    const YAML::Node item = (*node)[index];
    Remember(Index(Join(path, key), index), item);
    if (auto text = Scalar(item, Index(Join(path, key), index), "a text")) items.push_back(*text);
  }
  return items;
}

domain::LocalizedText Fields::Text(const YAML::Node& map, const std::string& key,
                                   const std::string& path, bool required) {
  domain::LocalizedText text;
  auto node = Get(map, key, path, required);
  if (!node) return text;
  const std::string here = Join(path, key);
  if (!node->IsMap()) {
    diagnostics_.Error(MarkOf(*node),
                       here + ": expected a text per language ({nb: ..., en: ...}), found " +
                           std::string(KindOf(*node)));
    return text;
  }
  for (const auto& entry : *node) {
    const std::string language = entry.first.Scalar();
    Remember(Join(here, language), entry.second);
    if (auto value = Scalar(entry.second, Join(here, language), "a text")) {
      text.by_language[language] = *value;
    }
  }
  return text;
}

}  // namespace cx::study
