"""C, C++ and CMake: realistic translation units, fixes in place, and silence on comments,
strings and modern code."""
import textwrap

from conftest import write

LEGACY_TU = textwrap.dedent("""\
    // classifier.cpp: InferenceEngine::Core in this comment is not code
    #include <inference_engine.hpp>
    #include <ngraph/opsets/opset8.hpp>
    #include <string>

    #define MAKE_PARAM(type, shape) std::make_shared<ngraph::opset8::Parameter>(type, shape)

    using namespace InferenceEngine;

    template <typename T>
    class Classifier {
    public:
        explicit Classifier(const std::string& path) {
            CNNNetwork network = core_.ReadNetwork(
                path,
                path + ".bin");
            auto input = network.getInputsInfo().begin()->second;
            input->setPrecision(Precision::U8);
            exec_ = core_.LoadNetwork(network, "CPU", {{CONFIG_KEY(CPU_THREADS_NUM), "2"}});
        }
        std::shared_ptr<ngraph::Function> graph() const {
            auto p = MAKE_PARAM(ngraph::element::f32, ngraph::Shape{1, 3});
            return std::make_shared<ngraph::Function>(ngraph::OutputVector{p}, ngraph::ParameterVector{p});
        }
    private:
        InferenceEngine::Core core_;
        ExecutableNetwork exec_;
        const char* note_ = "InferenceEngine::Blob::Ptr stays a string";
        const char* raw_ = R"doc(ngraph::Function in a raw string)doc";
    };
    """)


def test_a_legacy_translation_unit(ovlint, tmp_path):
    write(tmp_path / "classifier.cpp", LEGACY_TU)
    code, out, _ = ovlint("--no-cache", "--output-format", "concise")
    rows = [(line.split(":")[1], line.split()[1]) for line in out.splitlines() if line.startswith("classifier")]
    assert code == 1
    assert ("2", "OV110") in rows and ("3", "OV110") in rows and ("8", "OV111") in rows
    assert ("14", "OV111") in rows  # CNNNetwork after `using namespace`, and ReadNetwork on a multi-line call
    assert ("26", "OV111") in rows and ("27", "OV111") in rows  # a qualified type, and one after `using`
    assert ("18", "OV111") in rows  # a member of one after `using`: `Precision::U8`
    assert not any(row in rows for row in [("1", "OV111"), ("28", "OV111"), ("29", "OV112")])
    ovlint("--fix", "--no-cache")
    fixed = (tmp_path / "classifier.cpp").read_text()
    # the nGraph names are all rewritten, so their header is too; `InferenceEngine::` names stay, and
    # so does the header that declares them (with `openvino/openvino.hpp` the file would not compile)
    assert "#include <inference_engine.hpp>" in fixed and "#include <openvino/opsets/opset8.hpp>" in fixed
    assert "std::make_shared<ov::opset8::Parameter>(type, shape)" in fixed
    assert "std::shared_ptr<ov::Model> graph()" in fixed and "ov::OutputVector{p}, ov::ParameterVector{p}" in fixed
    assert "// classifier.cpp: InferenceEngine::Core in this comment" in fixed
    assert '"InferenceEngine::Blob::Ptr stays a string"' in fixed and 'R"doc(ngraph::Function in a raw string)doc"' in fixed
    assert "core_.ReadNetwork(" in fixed  # reported, not rewritten


def test_modern_code_is_silent(ovlint, tmp_path):
    write(tmp_path / "app.cpp", textwrap.dedent("""\
        #include <openvino/openvino.hpp>
        // Ported from InferenceEngine::Core and ngraph::Function.
        int main() {
            ov::Core core;
            auto model = core.read_model("model.xml");
            core.set_property("CPU", ov::hint::enable_cpu_pinning(false));
            auto compiled = core.compile_model(model, "CPU", ov::hint::performance_mode(ov::hint::PerformanceMode::LATENCY));
            auto request = compiled.create_infer_request();
            request.infer();
            return 0;
        }
        """))
    write(tmp_path / "CMakeLists.txt", "cmake_minimum_required(VERSION 3.13)\n# find_package(InferenceEngine)\n"
                                       "find_package(OpenVINO REQUIRED)\ntarget_link_libraries(app openvino::runtime)\n")
    assert ovlint("--no-cache")[0] == 0


def test_headers_of_the_api_before_core_are_reported_with_what_replaced_them(ovlint, tmp_path):
    write(tmp_path / "old.cpp", "#include <cpp/ie_cnn_net_reader.h>\n#include <ie_plugin_dispatcher.hpp>\n"
          "#include <ie_plugin_ptr.hpp>\n#include <ie_device.hpp>\n#include <extension/ext_list.hpp>\n"
          "#include <cpp/ie_infer_request.hpp>\n#include \"my_ext_list.hpp\"\n")
    code, out, _ = ovlint("--no-cache", "--output-format", "concise", "--select", "OV110")
    lines = out.splitlines()
    assert [line.split(" ")[0] for line in lines[:-1]] == [f"old.cpp:{row}:11:" for row in range(1, 7)]
    assert "with no successor: API 2.0 reads a model with `ov::Core::read_model`" in lines[0]
    assert all("`ov::Core` (`openvino/runtime/core.hpp`) loads a device by its name" in line for line in lines[1:3])
    assert "`get_available_devices()`" in lines[3] and "built into the CPU plugin" in lines[4]
    assert "its API is in `openvino/runtime/infer_request.hpp`" in lines[5]


def test_noqa_and_exact_columns(ovlint, tmp_path):
    write(tmp_path / "a.cpp", "auto s = ngraph::Shape{1};  // noqa: OV112\nauto t = ov::element::undefined;\n")
    code, out, _ = ovlint("--no-cache", "--output-format", "concise")
    assert out.splitlines()[0].startswith("a.cpp:2:10: OV507")
    assert "a.cpp:1:" not in out


def test_affinity_and_c_api(ovlint, tmp_path):
    write(tmp_path / "pin.cpp", "core.set_property(\"CPU\", ov::affinity(ov::Affinity::HYBRID_AWARE));\n")
    write(tmp_path / "main.c", "#include <c_api/ie_c_api.h>\nie_core_t* core = NULL;\nvoid f(void) { ie_core_create(\"\", &core); }\n")
    code, out, _ = ovlint("--no-cache", "--output-format", "concise")
    assert "pin.cpp:1:26: OV304" in out and "scheduling_core_type" in out
    assert "main.c:3:16: OV113" in out and "ov_core_create" in out
    ovlint("--fix", "--unsafe-fixes", "--no-cache")
    assert (tmp_path / "pin.cpp").read_text() == "core.set_property(\"CPU\", ov::hint::enable_cpu_pinning(true));\n"


def test_cmake_packages(ovlint, tmp_path):
    write(tmp_path / "CMakeLists.txt", textwrap.dedent("""\
        cmake_minimum_required(VERSION 3.13)
        project(app CXX)
        find_package(ngraph REQUIRED)
        find_package(InferenceEngine REQUIRED) # the runtime
        #[[ find_package(InferenceEngine) in a bracket comment ]]
        add_executable(app main.cpp)
        target_link_libraries(app PRIVATE ${InferenceEngine_LIBRARIES} "${NGRAPH_LIBRARIES}" IE::inference_engine_c_api)
        message(STATUS "[[ngraph::ngraph]] ${InferenceEngine_LIBRARIES}")
        """))
    ovlint("--fix", "--no-cache")
    assert (tmp_path / "CMakeLists.txt").read_text() == textwrap.dedent("""\
        cmake_minimum_required(VERSION 3.13)
        project(app CXX)
        find_package(OpenVINO REQUIRED COMPONENTS Runtime)
        #[[ find_package(InferenceEngine) in a bracket comment ]]
        add_executable(app main.cpp)
        target_link_libraries(app PRIVATE openvino::runtime "openvino::runtime" openvino::runtime::c)
        message(STATUS "[[ngraph::ngraph]] openvino::runtime")
        """)


def test_the_version_find_package_asks_for_pins_the_build(ovlint, tmp_path):
    """`find_package(InferenceEngine 2021.4.1 REQUIRED)` builds on 2021.4, which has no OpenVINO
    package: the rewrite waits for the pin, and a path built on the old package's variables says
    what it becomes without them."""
    text = ("find_package(InferenceEngine 2021.4.1 REQUIRED)\nadd_executable(app main.cpp)\n"
            "target_link_libraries(app ${InferenceEngine_LIBRARIES})\n")
    write(tmp_path / "CMakeLists.txt", text)
    code, out, _ = ovlint("--fix", "--no-cache", "--output-format", "concise")
    assert (tmp_path / "CMakeLists.txt").read_text() == text
    assert out.count("the fix needs OpenVINO 2022.1, but CMakeLists.txt:1 pins 2021.4") == 2
    write(tmp_path / "CMakeLists.txt", "find_package(InferenceEngine REQUIRED)\n"
                                       "include_directories(${InferenceEngine_INCLUDE_DIRS}/../samples/common)\n")
    code, out, _ = ovlint("--fix", "--no-cache", "--output-format", "concise")
    assert (tmp_path / "CMakeLists.txt").read_text().startswith("find_package(InferenceEngine REQUIRED)")
    assert "which becomes `/../samples/common` without it" in out
    # a message only shows the variable
    write(tmp_path / "CMakeLists.txt", "find_package(InferenceEngine REQUIRED)\n"
                                       'message(STATUS "IE at ${InferenceEngine_INCLUDE_DIRS}/..")\n')
    ovlint("--fix", "--no-cache")
    assert (tmp_path / "CMakeLists.txt").read_text().startswith("find_package(OpenVINO REQUIRED COMPONENTS Runtime)")


# folder -> its CMake files: each links a 2021 library by name, so its `find_package` stays
LINKED_BY_NAME = {
    "sub": {"CMakeLists.txt": "find_package(InferenceEngine REQUIRED)\nadd_subdirectory(src)\n",
            "src/CMakeLists.txt": "add_executable(app main.cpp)\ntarget_link_libraries(app PRIVATE inference_engine)\n"},
    "var": {"CMakeLists.txt": "find_package(InferenceEngine REQUIRED)\nset(IE_LIBS inference_engine inference_engine_legacy)\n"
                              "add_executable(app main.cpp)\ntarget_link_libraries(app PRIVATE ${IE_LIBS})\n"},
    # the variable set here, linked in the folder added
    "parent": {"CMakeLists.txt": "find_package(InferenceEngine REQUIRED)\nset(IE_LIBS inference_engine)\nadd_subdirectory(app)\n",
               "app/CMakeLists.txt": "add_executable(app main.cpp)\ntarget_link_libraries(app ${IE_LIBS})\n"},
    "appended": {"CMakeLists.txt": "find_package(InferenceEngine REQUIRED)\nlist(APPEND DEPS inference_engine)\n"
                                   "add_executable(app main.cpp)\ntarget_link_libraries(app ${DEPS})\n"},
}


def test_cmake_package_waits_while_the_build_links_a_2021_library_by_name(ovlint, tmp_path):
    """Through a variable of the file, or in a folder it adds: with `find_package(OpenVINO)` the
    build would link on no release, so the package stays until the link is `openvino::runtime`."""
    for folder, files in LINKED_BY_NAME.items():
        for name, text in files.items():
            write(tmp_path / folder / name, text)
    unused = "find_package(InferenceEngine REQUIRED)\nset(IE_LIBS inference_engine)  # not linked\n"
    write(tmp_path / "unused" / "CMakeLists.txt", unused)
    # set again to the package's variable before it is linked
    write(tmp_path / "reset" / "CMakeLists.txt", "find_package(InferenceEngine REQUIRED)\nset(LIBS inference_engine)\n"
                                                "set(LIBS ${InferenceEngine_LIBRARIES})\nadd_executable(app main.cpp)\n"
                                                "target_link_libraries(app ${LIBS})\n")
    code, out, _ = ovlint("check", "--no-cache", "--fix", "--unsafe-fixes", "--output-format", "concise")
    for folder, files in LINKED_BY_NAME.items():
        assert (tmp_path / folder / "CMakeLists.txt").read_text() == files["CMakeLists.txt"], folder
    assert "not rewritten while the build links `inference_engine` by name" in out
    assert (tmp_path / "unused" / "CMakeLists.txt").read_text().startswith("find_package(OpenVINO REQUIRED COMPONENTS Runtime)")
    assert (tmp_path / "reset" / "CMakeLists.txt").read_text().startswith("find_package(OpenVINO REQUIRED COMPONENTS Runtime)")


def test_a_tested_target_that_went_with_the_old_package_is_reported_once(ovlint, tmp_path):
    # `if(TARGET IE::ie_cpu_extension)`: testing `OpenVINO_FOUND` instead would link a target no release has
    write(tmp_path / "CMakeLists.txt", "find_package(InferenceEngine REQUIRED)\nadd_executable(app main.cpp)\n"
                                       "if(TARGET IE::ie_cpu_extension)\n  target_link_libraries(app IE::ie_cpu_extension)\nendif()\n")
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise", "--select", "OV114")
    found = [line for line in out.splitlines() if line.startswith("CMakeLists.txt:3:")]
    assert len(found) == 1 and "went with the old package" in found[0] and "OpenVINO_FOUND" not in found[0]


def test_cmake_package_variables_follow_the_package(ovlint, tmp_path):
    """`find_package(OpenVINO)` sets `OpenVINO_FOUND`, not `InferenceEngine_FOUND`: the check after
    the call is renamed with it, or the fixed project would stop at its own FATAL_ERROR."""
    write(tmp_path / "CMakeLists.txt", textwrap.dedent("""\
        find_package(InferenceEngine REQUIRED)
        if (NOT InferenceEngine_FOUND OR NOT DEFINED ngraph_FOUND)
            message(FATAL_ERROR "InferenceEngine not found: ${InferenceEngine_FOUND}")
        endif()
        """))
    ovlint("--fix", "--no-cache")
    assert (tmp_path / "CMakeLists.txt").read_text() == textwrap.dedent("""\
        find_package(OpenVINO REQUIRED COMPONENTS Runtime)
        if (NOT OpenVINO_FOUND OR NOT DEFINED OpenVINO_FOUND)
            message(FATAL_ERROR "InferenceEngine not found: ${OpenVINO_FOUND}")
        endif()
        """)


def test_cmake_package_left_half_renamed_is_unsafe(ovlint, tmp_path):
    """A package variable no fix renames (`InferenceEngine_DIR`) makes the package fix unsafe; a
    `_FOUND` check in a file that does not find the package itself is renamed only as unsafe."""
    write(tmp_path / "CMakeLists.txt", "set(InferenceEngine_DIR /opt/ie/share)\nfind_package(InferenceEngine)\n")
    write(tmp_path / "sub" / "CMakeLists.txt", "if(InferenceEngine_FOUND)\n  add_subdirectory(app)\nendif()\n")
    code, out, _ = ovlint("--no-cache", "--output-format", "concise")
    assert code == 1
    ovlint("--fix", "--no-cache")
    assert (tmp_path / "CMakeLists.txt").read_text() == "set(InferenceEngine_DIR /opt/ie/share)\nfind_package(InferenceEngine)\n"
    assert (tmp_path / "sub" / "CMakeLists.txt").read_text().startswith("if(InferenceEngine_FOUND)")
    _, out, _ = ovlint("--no-cache", "--output-format", "concise")
    assert "CMakeLists.txt:1:5: OV114 `InferenceEngine_DIR` belonged to the removed package" in out
    ovlint("--fix", "--unsafe-fixes", "--no-cache")
    assert (tmp_path / "CMakeLists.txt").read_text() == \
        "set(InferenceEngine_DIR /opt/ie/share)\nfind_package(OpenVINO COMPONENTS Runtime)\n"
    assert (tmp_path / "sub" / "CMakeLists.txt").read_text().startswith("if(OpenVINO_FOUND)")


def test_an_environment_variable_the_old_setupvars_set_is_reported_and_holds_the_package_fix(ovlint, tmp_path):
    source = ('if("$ENV{InferenceEngine_DIR}" STREQUAL "")\n  message(FATAL_ERROR "source setupvars.sh")\nendif()\n'
              "find_package(InferenceEngine)\n")
    write(tmp_path / "CMakeLists.txt", source)
    code, out, _ = ovlint("--fix", "--no-cache", "--output-format", "concise")
    assert code == 1 and (tmp_path / "CMakeLists.txt").read_text() == source  # the package fix is unsafe now
    assert "CMakeLists.txt:1:5: OV114 `$ENV{InferenceEngine_DIR}` was set by the old releases' `setupvars`" in out


def test_a_variable_the_new_package_leaves_unset_tested_in_a_condition_holds_the_package_fix(ovlint, tmp_path):
    """`if("${InferenceEngine_INCLUDE_DIRS}" STREQUAL "") message(FATAL_ERROR ...)` would stop every
    configure once the file finds OpenVINO instead: the package's fix waits for --unsafe-fixes, and
    each such test is reported with what to test instead."""
    source = ('find_package(InferenceEngine 1.0)\nif("${InferenceEngine_INCLUDE_DIRS}" STREQUAL "")\n'
              '  message(FATAL_ERROR "not set")\nendif()\nif(NOT InferenceEngine_LIBRARIES)\n  return()\nendif()\n')
    write(tmp_path / "CMakeLists.txt", source)
    code, out, _ = ovlint("--fix", "--no-cache", "--output-format", "concise")
    assert code == 1 and (tmp_path / "CMakeLists.txt").read_text() == source
    assert "CMakeLists.txt:1:1: OV114 [-] `find_package(InferenceEngine)`" in out
    for where, name in (("2:5", "${InferenceEngine_INCLUDE_DIRS}"), ("5:8", "InferenceEngine_LIBRARIES")):
        assert f"CMakeLists.txt:{where}: OV114 `{name}` in a condition: the OpenVINO package does not set it" in out


def test_a_2021_native_build_in_cmake_makefile_and_shell(ovlint, tmp_path):
    write(tmp_path / "CMakeLists.txt", textwrap.dedent("""\
        set(OV /opt/intel/openvino_2021 CACHE PATH "the install")
        include_directories(${OV}/deployment_tools/inference_engine/include /opt/intel/openvino_2021/deployment_tools/ngraph/include)
        link_directories(/opt/intel/openvino_2021/deployment_tools/inference_engine/lib/intel64)
        add_executable(app main.cpp)
        target_link_libraries(app PRIVATE inference_engine inference_engine_legacy ngraph)
        install(FILES ngraph.h DESTINATION include)  # not a link: silent
        """))
    write(tmp_path / "Makefile", "OV := /opt/intel/openvino_2021\nLIBS = -L$(OV)/deployment_tools/inference_engine/lib/intel64"
          " -linference_engine_c_api\nbench: bench.c\n\t$(CC) -I$(OV)/deployment_tools/inference_engine/include"
          " $< $(LIBS) -o $@\n")
    write(tmp_path / "build.sh", "g++ main.cpp -linference_engine_transformations -lngraph -o app\n")
    code, out, _ = ovlint("--no-cache", "--output-format", "concise")
    found = sorted(line.split(" ")[0] + line.split(" ")[1] for line in out.splitlines() if ": OV" in line)
    assert found == ["CMakeLists.txt:2:21:OV511", "CMakeLists.txt:2:69:OV511", "CMakeLists.txt:3:18:OV511",
                     "CMakeLists.txt:5:35:OV115", "CMakeLists.txt:5:52:OV115", "CMakeLists.txt:5:76:OV115",
                     "Makefile:4:61:OV116", "Makefile:4:61:OV508", "Makefile:4:8:OV508", "build.sh:1:14:OV116",
                     "build.sh:1:49:OV116"]
    assert "`deployment_tools/inference_engine/include` is a 2021 path, gone since 2022.1: use `runtime/include`" \
        in out and "`deployment_tools/inference_engine/lib/intel64` is a 2021 path, gone since 2022.1: use " \
        "`runtime/lib/intel64` (through `$(LIBS)`)" in out and "link `-lopenvino_c`" in out


def test_device_plugins_linked_by_name_are_reported(ovlint, tmp_path):
    write(tmp_path / "build.sh", "g++ -shared -o lib.so a.o -lopenvino -lHeteroPlugin -lmyriadPlugin\n")
    write(tmp_path / "CMakeLists.txt", "add_executable(app main.cpp)\ntarget_link_libraries(app MKLDNNPlugin)\n")
    code, out, _ = ovlint("--no-cache", "--output-format", "concise")
    assert "build.sh:1:38: OV116 `-lHeteroPlugin` is the HETERO plugin of the 2021 layout" in out
    assert "`-lmyriadPlugin` is the MYRIAD plugin of the 2021 layout, gone since 2022.1: the runtime loads its " \
           "plugins itself, so link only `-lopenvino` (the MYRIAD device itself was removed in 2023.0)" in out
    assert "CMakeLists.txt:2:27: OV115 `MKLDNNPlugin` is the CPU plugin" in out and "link only `openvino::runtime`" in out


def test_genai_streamer_put_only_in_streamer_classes(ovlint, tmp_path):
    write(tmp_path / "streamer.cpp", textwrap.dedent("""\
        #include <openvino/genai/llm_pipeline.hpp>
        namespace app {
        class Printer : public ov::genai::StreamerBase {
        public:
            bool put(int64_t token) override;
            void end() override {}
        };
        bool Printer::put(int64_t token) { return false; }
        struct Queue { bool put(int x); };
        bool Queue::put(int x) { return true; }
        bool put(Queue& q, int item);
        }
        """))
    code, out, _ = ovlint("--no-cache", "--output-format", "concise")
    assert [line.split(": ")[0] for line in out.splitlines() if "OV703" in line] == \
        ["streamer.cpp:5:10", "streamer.cpp:8:15"]


def test_lstm_sequence_v0_from_2025(ovlint, tmp_path):
    write(tmp_path / "rnn.cpp", "auto a = std::make_shared<ov::op::v0::LSTMSequence>();\n"
                                "auto b = std::make_shared<ov::opset5::LSTMSequence>();\n")
    code, out, _ = ovlint("--no-cache", "--output-format", "concise", "--target-version", "2025.0")
    assert [line.split(": ")[:2] for line in out.splitlines()[:-1]] == [["rnn.cpp:1:27", "OV507 `ov::op::v0::LSTMSequence` was removed in 2025.0"]]
    code, out, _ = ovlint("--no-cache", "--output-format", "concise", "--target-version", "2024.6")
    assert code == 0


def test_the_inference_engine_header_waits_for_ngraph_names_too(ovlint, tmp_path):
    """`inference_engine.hpp` brought nGraph in (`ie_cnn_network.h` includes `ngraph/function.hpp`):
    with an `ngraph::` name left, `openvino/openvino.hpp` would leave it undeclared."""
    source = "#include <inference_engine.hpp>\nauto p = std::make_shared<ngraph::op::Parameter>(ov::element::f32, ov::Shape{1});\n"
    write(tmp_path / "a.cpp", source)
    ovlint("--fix", "--unsafe-fixes", "--no-cache")
    assert (tmp_path / "a.cpp").read_text() == source


def test_words_in_any_script_are_read(ovlint, tmp_path):
    """C and C++ identifiers may be letters of any script (`#pragma region 参数设置`, `int 计数`), and
    CMake comments and arguments hold any text: neither stops the file being linted."""
    write(tmp_path / "main.cpp", "#pragma region 参数设置\nint 计数 = 2²;\nInferenceEngine::Core ie;\n#pragma endregion\n")
    write(tmp_path / "CMakeLists.txt", "# Übersicht\nset(名前 é)\nfind_package(InferenceEngine REQUIRED)\n")
    code, out, err = ovlint("--no-cache", "--output-format", "concise")
    assert code == 1 and "OV004" not in out and "Traceback" not in err
    assert "main.cpp:3:1: OV111" in out and "CMakeLists.txt:3:" in out


def test_the_package_variables_are_renamed_only_with_the_package(ovlint, tmp_path):
    """`find_package(InferenceEngine)` kept (its fix is unsafe: `InferenceEngine_VERSION` has no
    counterpart) while `if(InferenceEngine_FOUND)` became `if(OpenVINO_FOUND)` switched OpenVINO off
    for every build: the renames are as safe as the package's own fix, and so is dropping the
    `find_package(ngraph)` merged into it (`if(ngraph_FOUND)` kept would test nothing)."""
    source = ("find_package(InferenceEngine QUIET)\nfind_package(ngraph QUIET)\nif(InferenceEngine_FOUND)\n"
              "  message(STATUS \"IE ${InferenceEngine_VERSION}\")\n"
              "  target_link_libraries(demo PRIVATE ${InferenceEngine_LIBRARIES} IE::inference_engine)\nendif()\n")
    write(tmp_path / "CMakeLists.txt", source)
    ovlint("--fix", "--no-cache")
    assert (tmp_path / "CMakeLists.txt").read_text() == source
    ovlint("--fix", "--unsafe-fixes", "--no-cache")
    fixed = (tmp_path / "CMakeLists.txt").read_text()
    assert fixed.startswith("find_package(OpenVINO QUIET COMPONENTS Runtime)\nif(OpenVINO_FOUND)\n")
    # the second name of the one target goes
    assert "target_link_libraries(demo PRIVATE openvino::runtime)\n" in fixed


def test_interpolate_enumerators_of_2021_are_spelt_as_ov_spells_them(ovlint, tmp_path):
    """nGraph 2021 wrote `InterpolateMode::nearest`; `ov::` has only `NEAREST` (checked with g++
    against the 2026.4 headers), so the rename to `ov::` takes the enumerator with it."""
    write(tmp_path / "interp.cpp", "auto m = ngraph::op::v4::Interpolate::InterpolateMode::nearest;\n"
                                   "auto c = ngraph::op::v4::Interpolate::CoordinateTransformMode::half_pixel;\n"
                                   "auto n = ngraph::op::v4::Interpolate::NearestMode::FLOOR;\n")
    ovlint("--fix", "--no-cache")
    assert (tmp_path / "interp.cpp").read_text() == (
        "auto m = ov::op::v4::Interpolate::InterpolateMode::NEAREST;\n"
        "auto c = ov::op::v4::Interpolate::CoordinateTransformMode::HALF_PIXEL;\n"
        "auto n = ov::op::v4::Interpolate::NearestMode::FLOOR;\n")
    write(tmp_path / "alias.cpp", "using Mode = ngraph::op::v4::Interpolate::InterpolateMode;\nauto m = Mode::nearest;\n")
    ovlint("--fix", "--no-cache")
    assert (tmp_path / "alias.cpp").read_text() == ("using Mode = ov::op::v4::Interpolate::InterpolateMode;\n"
                                                    "auto m = Mode::NEAREST;\n")


def test_a_file_that_finds_openvino_already_renames_the_old_targets_safely(ovlint, tmp_path):
    write(tmp_path / "CMakeLists.txt", "find_package(OpenVINO REQUIRED)\ntarget_link_libraries(app IE::inference_engine)\n")
    ovlint("--fix", "--no-cache")
    assert (tmp_path / "CMakeLists.txt").read_text().endswith("target_link_libraries(app openvino::runtime)\n")


def test_a_function_pass_and_its_override_are_migrated_by_hand_together(ovlint, tmp_path):
    """`ModelPass` has only `run_on_model(const std::shared_ptr<ov::Model>&)`: renaming the base
    alone, or the override without its calls, would not compile."""
    write(tmp_path / "sink.hpp", "#pragma once\n#include \"ngraph/ngraph.hpp\"\n\n"
                                 "class Sink : public ngraph::pass::FunctionPass {\npublic:\n"
                                 "    bool run_on_function(std::shared_ptr<ngraph::Function> f) override;\n};\n")
    write(tmp_path / "use.cpp", "#include \"sink.hpp\"\n\nbool go(Sink& s, std::shared_ptr<ngraph::Function> f) "
                                "{ return s.run_on_function(f); }\n")
    write(tmp_path / "walker.cpp", "#include <llvm/IR/Function.h>\n\nstruct Walker {\n"
                                   "    bool run_on_function(llvm::Function& f) { return true; }\n};\n")
    code, out, _ = ovlint("check", "--fix", "--no-cache", "--output-format", "concise")
    assert "class Sink : public ngraph::pass::FunctionPass {" in (tmp_path / "sink.hpp").read_text()
    assert [line.split(" ")[0] for line in out.splitlines() if "`run_on_function` is" in line] == [
        "sink.hpp:6:10:", "use.cpp:3:59:"]
    assert "walker.cpp" not in out  # no nGraph pass there


def test_ament_dependencies_name_the_openvino_package(ovlint, tmp_path):
    write(tmp_path / "CMakeLists.txt", "find_package(ngraph REQUIRED)\nfind_package(InferenceEngine REQUIRED)\n"
                                       "ament_target_dependencies(node rclcpp InferenceEngine ngraph)\n"
                                       "ament_export_dependencies(ngraph)\n")
    ovlint("check", "--fix", "--no-cache")
    assert (tmp_path / "CMakeLists.txt").read_text() == (
        "find_package(OpenVINO REQUIRED COMPONENTS Runtime)\n"
        "ament_target_dependencies(node rclcpp OpenVINO)\nament_export_dependencies(OpenVINO)\n")


def test_ament_dependencies_kept_in_a_variable_name_the_openvino_package(ovlint, tmp_path):
    write(tmp_path / "CMakeLists.txt", "find_package(InferenceEngine REQUIRED)\nset(DEPS rclcpp InferenceEngine)\n"
                                       "ament_target_dependencies(node ${DEPS})\nset(OTHER InferenceEngine)\n")
    ovlint("check", "--fix", "--no-cache")
    assert (tmp_path / "CMakeLists.txt").read_text() == (
        "find_package(OpenVINO REQUIRED COMPONENTS Runtime)\nset(DEPS rclcpp OpenVINO)\n"
        "ament_target_dependencies(node ${DEPS})\nset(OTHER InferenceEngine)\n")


def test_names_without_a_namesake_say_what_takes_their_place(ovlint, tmp_path):
    """A successor named for each, where 'its `ov::` counterpart' named nothing to look for."""
    write(tmp_path / "main.cpp", "#include <inference_engine.hpp>\n#include <ngraph/util.hpp>\n"
                                 "InferenceEngine::InputsDataMap inputs = network.getInputsInfo();\n"
                                 "auto m = InferenceEngine::as<InferenceEngine::MemoryBlob>(blob);\n"
                                 "std::string s = ngraph::join(shape);\n")
    write(tmp_path / "keys.py", "from openvino.inference_engine import IECore\n\n"
                                "IECore().set_config({'CLDNN_PLUGIN_THROTTLE': '1'}, 'GPU')\n")
    code, out, _ = ovlint("--no-cache", "--output-format", "concise")
    assert "`InferenceEngine::InputsDataMap` was removed in 2024.0: use `model->inputs()`" in out
    assert "`InferenceEngine::as` was removed in 2024.0: use the `ov::Tensor` itself" in out
    assert "`ngraph::join` was removed with nGraph: use the standard library" in out
    assert "`CLDNN_PLUGIN_THROTTLE` is not an API 2.0 key: its successor is `GPU_QUEUE_THROTTLE`" in out
    assert "counterpart in `ov::`" not in out and "counterpart is" not in out


def test_a_target_named_again_on_a_line_of_its_own_goes_with_its_line(ovlint, tmp_path):
    write(tmp_path / "CMakeLists.txt", "find_package(InferenceEngine REQUIRED)\nfind_package(ngraph REQUIRED)\n"
                                       "target_link_libraries(app\n    ${InferenceEngine_LIBRARIES}\n"
                                       "    ${NGRAPH_LIBRARIES}\n    ${OpenCV_LIBS}\n)\n")
    ovlint("--fix", "--no-cache")
    assert (tmp_path / "CMakeLists.txt").read_text() == (
        "find_package(OpenVINO REQUIRED COMPONENTS Runtime)\ntarget_link_libraries(app\n    openvino::runtime\n"
        "    ${OpenCV_LIBS}\n)\n")
    # a condition keeps each operand: `TARGET` alone would make it false
    write(tmp_path / "CMakeLists.txt", "find_package(InferenceEngine QUIET)\nfind_package(ngraph QUIET)\n"
                                       "if(TARGET IE::inference_engine AND TARGET ngraph::ngraph)\nendif()\n")
    ovlint("--fix", "--no-cache")
    assert "if(TARGET openvino::runtime AND TARGET openvino::runtime)" in (tmp_path / "CMakeLists.txt").read_text()
