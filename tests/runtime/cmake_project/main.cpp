// Classifies a fixed frame and prints the pinning setting and the scores, one per line.
#include <inference_engine.hpp>
#include <ngraph/ngraph.hpp>

#include <iomanip>
#include <iostream>

int main(int argc, char* argv[]) {
    if (argc != 2) {
        std::cerr << "usage: classify model.xml\n";
        return 2;
    }
    ov::Core core;
    core.set_property("CPU", ov::affinity(ov::Affinity::NONE));
    std::shared_ptr<ngraph::Function> model = core.read_model(argv[1]);
    ngraph::Shape shape = model->input().get_shape();
    ov::Tensor frame(ngraph::element::f32, shape);
    float* data = frame.data<float>();
    for (size_t i = 0; i < frame.get_size(); ++i) {
        data[i] = static_cast<float>(i % 13) / 13.0f;
    }
    auto compiled = core.compile_model(model, "CPU", ov::hint::inference_precision(ov::element::f32));
    auto request = compiled.create_infer_request();
    request.set_input_tensor(frame);
    request.infer();
    const ov::Tensor& scores = request.get_output_tensor();
    std::cout << "pinned " << core.get_property("CPU", ov::hint::enable_cpu_pinning) << "\n";
    std::cout << std::fixed << std::setprecision(4);
    for (size_t i = 0; i < scores.get_size(); ++i) {
        std::cout << scores.data<const float>()[i] << "\n";
    }
    return 0;
}
