// The baseline of bench/run: parse every YAML file under a folder with yaml-cpp's own
// YAML::LoadAllFromFile, one thread, and nothing else.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: bare_parse DIR\n");
        return 2;
    }
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(argv[1])) {
        const auto ext = e.path().extension();
        if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    std::size_t documents = 0;
    for (const std::string& f : files) documents += YAML::LoadAllFromFile(f).size();
    std::printf("%zu files, %zu documents\n", files.size(), documents);
    return 0;
}
