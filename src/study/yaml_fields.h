#pragma once
// Private to study/: typed reads from yaml-cpp nodes that report, instead of
// throw, and remember where each value was so later checks can point at it.

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/study.h"
#include "study/study_reader.h"

namespace cx::study {

struct Mark {
  int line = 1;  // 1-based
  int column = 1;
};
Mark MarkOf(const YAML::Node& node);

class Diagnostics {
 public:
  explicit Diagnostics(std::string file) : file_(std::move(file)) {}
  void Error(Mark mark, std::string message);
  std::vector<Diagnostic> Take();

 private:
  std::string file_;
  std::vector<Diagnostic> items_;
};

// Where each path ("questions[3].area") was found in the file.
class SourceMap {
 public:
  void Set(const std::string& path, Mark mark) { marks_[path] = mark; }
  // The mark of `path`, else of its nearest recorded parent, else 1:1.
  Mark Get(std::string path) const;
  bool Has(const std::string& path) const { return marks_.count(path) > 0; }

 private:
  std::map<std::string, Mark> marks_;
};

class Fields {
 public:
  Fields(Diagnostics& diagnostics, SourceMap& source_map)
      : diagnostics_(diagnostics), source_map_(source_map) {}

  Diagnostics& diagnostics() { return diagnostics_; }
  SourceMap& source_map() { return source_map_; }

  // Reports a node that is not a mapping (or sequence); false then.
  bool ExpectMap(const YAML::Node& node, const std::string& path);
  bool ExpectSequence(const YAML::Node& node, const std::string& path);
  // Reports every key of `map` not in `allowed`, naming the allowed ones.
  void CheckKeys(const YAML::Node& map, const std::string& path,
                 std::initializer_list<std::string_view> allowed);

  // Each reads map[key]; a missing key is reported only when `required`.
  std::optional<std::string> String(const YAML::Node& map, const std::string& key,
                                    const std::string& path, bool required);
  std::optional<double> Number(const YAML::Node& map, const std::string& key,
                               const std::string& path, bool required);
  std::optional<int> Integer(const YAML::Node& map, const std::string& key, const std::string& path,
                             bool required);
  std::optional<bool> Boolean(const YAML::Node& map, const std::string& key,
                              const std::string& path, bool required);
  // A duration in seconds: a number or "20s", "10m", "48h".
  std::optional<double> Duration(const YAML::Node& map, const std::string& key,
                                 const std::string& path, bool required);
  // A list of strings; a single scalar is taken as a list of one.
  std::vector<std::string> StringList(const YAML::Node& map, const std::string& key,
                                      const std::string& path, bool required);
  // A text per language: {nb: ..., en: ...}. Missing declared languages are
  // checked later by the validator, which knows the study's languages.
  domain::LocalizedText Text(const YAML::Node& map, const std::string& key, const std::string& path,
                             bool required);

  // Records where `path` is, for the validator.
  void Remember(const std::string& path, const YAML::Node& node) {
    source_map_.Set(path, MarkOf(node));
  }

 private:
  // map[key] if present (recording its mark); reports it missing if required.
  std::optional<YAML::Node> Get(const YAML::Node& map, const std::string& key,
                                const std::string& path, bool required);
  std::optional<std::string> Scalar(const YAML::Node& node, const std::string& path,
                                    std::string_view expected);

  Diagnostics& diagnostics_;
  SourceMap& source_map_;
};

// "path.key", or "key" at the top.
std::string Join(const std::string& path, const std::string& key);
// "path[index]".
std::string Index(const std::string& path, size_t index);

// Semantic checks over a study read from YAML: references, duplicates,
// languages, scales, dates, shares, relevance order (study_validator.cc).
void ValidateStudy(const domain::Study& study, const SourceMap& source_map,
                   Diagnostics& diagnostics);

}  // namespace cx::study
