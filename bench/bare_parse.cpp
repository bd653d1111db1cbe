// The baseline of bench/run: parse every YAML file under a folder with yaml-cpp's own
// YAML::LoadAllFromFile, one thread, and nothing else. Each file's tree is let go before the
// next is read; with --hold every tree is kept to the end, as a tool that checks across files
// must keep what it read of each (the memory baseline for such a tool).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

int main(int argc, char** argv) {
    const bool hold = argc == 3 && std::string(argv[1]) == "--hold";
    if (argc != 2 && !hold) {
        std::fprintf(stderr, "usage: bare_parse [--hold] DIR\n");
        return 2;
    }
    const char* dir = argv[argc - 1];
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
        const auto ext = e.path().extension();
        if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    std::size_t documents = 0;
    std::vector<std::vector<YAML::Node>> held;
    for (const std::string& f : files) {
        std::vector<YAML::Node> docs = YAML::LoadAllFromFile(f);
        documents += docs.size();
        if (hold) held.push_back(std::move(docs));
    }
    std::printf("%zu files, %zu documents\n", files.size(), documents);
    return 0;
}
