"""Strings of the Layers page's CNN section: feature maps, kernels, the convolution and pooling explained,
the size explorer (ui/layers_cnn/)."""

STRINGS = {
    "cnn.title": ("합성곱 신경망(CNN) 들여다보기", "Seeing inside a CNN"),
    "cnn.intro": ("학습시킨 내 CNN에 이미지 한 장을 넣고, 합성곱 계층과 풀링 계층이 만든 특징 맵, 커널, ReLU 전후를 봅니다. "
                  "합성곱의 출력값 하나가 어떻게 계산되는지도 한 위치씩 따라가 봅니다.",
                  "Send one image through your own (trained) CNN and see the feature maps its convolution and "
                  "pooling layers make, the kernels, and ReLU before and after. Then follow how one output value "
                  "of a convolution is computed, one position at a time."),
    "cnn.choose_current": ("위에서 신경망을 '내 모델'로 고르면, 내 합성곱 신경망 안을 들여다볼 수 있습니다. 아래 크기 탐색기는 "
                           "언제든 쓸 수 있습니다.",
                           "Choose 'My model' above to look inside your own convolutional network. The size "
                           "explorer below works any time."),
    "cnn.no_cnn": ("지금 모델에는 합성곱 계층(Conv2d)이 없습니다. '모델 만들기' 페이지에서 fashion_cnn 같은 CNN을 고르면 특징 맵과 "
                   "커널을 볼 수 있습니다. 아래 크기 탐색기는 언제든 쓸 수 있습니다.",
                   "The current model has no convolution layer (Conv2d). Pick a CNN such as fashion_cnn on the "
                   "Build a model page to see feature maps and kernels. The size explorer below works any time."),
    "cnn.image": ("이미지", "Image"),
    "cnn.image_test": ("FashionMNIST 테스트 이미지", "FashionMNIST test image"),
    "cnn.image_random": ("무작위 torch.rand", "Random torch.rand"),
    "cnn.image_upload": ("내 이미지 올리기", "Upload an image"),
    "cnn.image_pad": ("직접 그리기", "Draw one"),
    "cnn.test_index": ("테스트 이미지 번호", "Test image number"),
    "cnn.upload": ("이미지 파일", "Image file"),
    "cnn.upload_help": ("흑백 28x28로 줄입니다. 배경이 밝으면 FashionMNIST처럼 검은 배경에 밝은 물체가 되도록 반전합니다.",
                        "Shrunk to 28x28 grayscale; a light background is inverted so the object is light on "
                        "black, as in FashionMNIST."),
    "cnn.upload_waiting": ("이미지를 올리면 그 이미지로 보여 줍니다. 그때까지는 검은 이미지입니다.",
                           "Upload a picture to use it; until then the image is black."),
    "cnn.pad_hint": ("검은 칸에 마우스나 손가락으로 그리세요. 한 획을 마칠 때마다 신경망을 다시 통과시킵니다.",
                     "Draw on the black square with the mouse or a finger; each finished stroke goes through the "
                     "network again."),
    "cnn.pad_clear": ("지우기", "Clear"),
    "cnn.image_shown": ("신경망에 넣은 이미지 (28x28)", "The image sent through the network (28x28)"),
    "cnn.predicted": ("**예측:** {name} ({prob:.1f}%)", "**Predicted:** {name} ({prob:.1f}%)"),
    "cnn.truth": (" · 정답: {name}", " · label: {name}"),
    "cnn.tab_maps": ("특징 맵", "Feature maps"),
    "cnn.tab_kernels": ("커널", "Kernels"),
    "cnn.tab_relu": ("ReLU 전후", "Before and after ReLU"),
    "cnn.tab_conv": ("합성곱 계산 따라가기", "The convolution, step by step"),
    "cnn.tab_pool": ("풀링 따라가기", "Pooling, explained"),
    "cnn.tab_sizes": ("크기 탐색기", "Size explorer"),
    "cnn.maps_intro": ("합성곱 계층과 풀링 계층마다 채널 하나에 특징 맵 하나를 그립니다. 한 계층의 특징 맵은 모두 같은 색 척도를 "
                       "씁니다: 주황은 음수, 회색은 0, 파랑은 양수입니다.",
                       "For every convolution and pooling layer, one feature map per channel. All maps of a layer "
                       "share one colour scale: orange is negative, grey zero, blue positive."),
    "cnn.channel_n": ("채널 {c}", "channel {c}"),
    "cnn.scale_note": ("색 척도: 주황 -{scale:.3g} · 회색 0 · 파랑 +{scale:.3g}",
                       "Colour scale: orange -{scale:.3g} · grey 0 · blue +{scale:.3g}"),
    "cnn.first_tiles": ("(채널 {total}개 중 처음 {shown}개)", "(the first {shown} of {total} channels)"),
    "cnn.kernels_intro": ("커널은 합성곱 계층의 가중치입니다. 출력 채널 하나는 입력 채널마다 커널 하나씩을 가집니다. 학습하면서 "
                          "커널이 윤곽이나 무늬를 찾는 모양으로 바뀝니다.",
                          "Kernels are a convolution layer's weights: each output channel has one kernel per input "
                          "channel. Training turns them into detectors of edges and textures."),
    "cnn.kernel_out": ("출력 {o}", "out {o}"),  # under an 84-pixel kernel: short
    "cnn.kernel_in": ("입력 {i}", "in {i}"),
    "cnn.kernel_pick": ("{path}: 커널을 볼 출력 채널", "{path}: output channel whose kernels to show"),
    "cnn.relu_intro": ("ReLU는 음수를 0으로 만들고 양수는 그대로 둡니다. 전과 후를 같은 색 척도로 그립니다.",
                       "ReLU sets negative values to zero and keeps positive ones; before and after share one "
                       "colour scale."),
    "cnn.relu_layer": ("ReLU 계층", "ReLU layer"),
    "cnn.relu_before": ("**ReLU 전** (합성곱의 출력)", "**Before ReLU** (what the layer before it gave)"),
    "cnn.relu_after": ("**ReLU 후**", "**After ReLU**"),
    "cnn.relu_zeroed": ("ReLU가 0으로 만든 값", "Values ReLU set to zero"),
    "cnn.no_relu": ("이 모델에는 특징 맵에 쓰는 ReLU가 없습니다.", "This model has no ReLU on feature maps."),
    "cnn.conv_intro": ("출력 특징 맵의 값 하나는 입력 채널마다 커널 크기의 패치를 잘라, 커널과 원소별로 곱해 모두 더하고, "
                       "편향(bias)을 더한 값입니다. 계층, 출력 채널, 위치를 고르거나 한 칸씩 움직여 보세요.",
                       "One value of an output feature map: from each input channel take the kernel-sized patch, "
                       "multiply it element-wise by the kernel, add everything up, then add the bias. Pick a layer, "
                       "an output channel and a position, or step through them."),
    "cnn.conv_layer": ("합성곱 계층", "Convolution layer"),
    "cnn.conv_out_channel": ("출력 채널", "Output channel"),
    "cnn.conv_row": ("출력 위치: 행", "Output position: row"),
    "cnn.conv_col": ("출력 위치: 열", "Output position: column"),
    "cnn.conv_back": ("이전 위치", "Previous"),
    "cnn.conv_next": ("다음 위치", "Next"),
    "cnn.conv_play": ("재생", "Play"),
    "cnn.conv_play_help": ("커널이 {steps}칸을 차례로 움직이는 모습을 보여 줍니다.",
                           "Shows the kernel moving through the next {steps} positions."),
    "cnn.conv_in_channel": ("자세히 볼 입력 채널", "Input channel to show in detail"),
    "cnn.conv_input_map": ("입력 채널 {c}와 커널이 덮는 패치", "Input channel {c} and the patch under the kernel"),
    "cnn.conv_output_map": ("출력 채널 {c}의 특징 맵", "Feature map of output channel {c}"),
    "cnn.conv_patch": ("입력 패치 (채널 {c})", "Input patch (channel {c})"),
    "cnn.conv_kernel": ("커널", "Kernel"),
    "cnn.conv_products": ("원소별 곱", "Element-wise products"),
    "cnn.conv_col_channel": ("입력 채널", "Input channel"),
    "cnn.conv_col_sum": ("곱의 합", "Sum of products"),
    "cnn.conv_equation": ("채널별 합의 합 **{sums:.6f}** + 편향 **{bias:.6f}** = **{total:.6f}**  \n계층의 출력값: "
                          "**{output:.6f}** (차이 {diff:.1e}, float32 덧셈 오차 한계 {bound:.1e} 이내)",
                          "Sum of the channel sums **{sums:.6f}** + bias **{bias:.6f}** = **{total:.6f}**  \nThe "
                          "layer's output: **{output:.6f}** (difference {diff:.1e}, within the float32 summation "
                          "bound {bound:.1e})"),
    "cnn.pool_layer": ("풀링 계층", "Pooling layer"),
    "cnn.pool_channel": ("채널", "Channel"),
    "cnn.pool_row": ("출력 위치: 행", "Output position: row"),
    "cnn.pool_col": ("출력 위치: 열", "Output position: column"),
    "cnn.pool_max_rule": ("최대 풀링은 창({size}칸)마다 가장 큰 값 하나만 남기고 나머지 {dropped}개를 버립니다. 이 채널에서는 입력 "
                          "값의 {share:.0f}%가 다음 계층에 전달되지 않습니다.",
                          "Max pooling keeps the largest value of each window ({size} cells) and drops the other "
                          "{dropped}. On this channel {share:.0f}% of the input values go no further."),
    "cnn.pool_avg_rule": ("평균 풀링은 창({size}칸)마다 값들의 평균 하나를 남깁니다. 버려지는 값은 없지만 모두 섞입니다.",
                          "Average pooling keeps the mean of each window ({size} cells): no value is dropped, but "
                          "all are blended."),
    "cnn.pool_input": ("풀링 전: 채널 {c}", "Before pooling: channel {c}"),
    "cnn.pool_window": ("고른 창", "The chosen window"),
    "cnn.pool_output": ("{kind}의 출력", "Output of {kind}"),
    "cnn.pool_kept": ("남은 값: **{value:.4f}** (나머지 {dropped}개는 버림)",
                      "Kept: **{value:.4f}** (the other {dropped} dropped)"),
    "cnn.pool_mean": ("평균: **{value:.4f}**", "Mean: **{value:.4f}**"),
    "cnn.pool_marks": ("× 표시는 창에서 살아남은 값입니다 (값이 모두 같은 창은 표시하지 않습니다).",
                       "Crosses mark the values a window keeps (windows whose values are all equal are left out)."),
    "cnn.no_pool": ("이 모델에는 풀링 계층(MaxPool2d, AvgPool2d)이 없습니다.",
                    "This model has no pooling layer (MaxPool2d, AvgPool2d)."),
    "cnn.sizes_intro": ("커널이 패딩을 더한 입력 위를 스트라이드만큼씩 움직입니다. 출력 크기 = floor((입력 + 2 x 패딩 - 커널) / "
                        "스트라이드) + 1 입니다.",
                        "The kernel slides over the padded input, stride cells at a time. Output size = floor((input "
                        "+ 2 x padding - kernel) / stride) + 1."),
    "cnn.size_input": ("입력 크기", "Input size"),
    "cnn.size_kernel": ("커널 크기", "Kernel size"),
    "cnn.size_stride": ("스트라이드", "Stride"),
    "cnn.size_padding": ("패딩", "Padding"),
    "cnn.size_result": ("`{formula}` → 출력 크기 **{out}**", "`{formula}` → output size **{out}**"),
    "cnn.size_unused": ("끝의 {unused}칸은 어느 창도 닿지 않아 쓰이지 않습니다 (floor 때문에).",
                        "The last {unused} cell(s) are reached by no window (the floor drops them)."),
    "cnn.size_position": ("빨간 창의 출력 위치", "Output position of the red window"),
    "cnn.size_grid": ("패딩을 더한 입력 {padded} x {padded}, 점 하나가 출력 {out} x {out}의 한 칸",
                      "The padded input, {padded} x {padded}; each dot is one cell of the {out} x {out} output"),
    "cnn.size_cells_input": ("입력", "input"),
    "cnn.size_cells_padding": ("패딩 (0)", "padding (0)"),
    "cnn.size_cells_unused": ("쓰이지 않는 칸", "never reached"),
    # The Train page's live view of a CNN (ui/train/live_feature_maps.py)
    "train.live_maps_title": ("첫 번째 합성곱 계층의 특징 맵 (테스트 이미지 0)",
                              "The first convolution layer's feature maps (test image 0)"),
    "train.live_maps_legend": ("에폭 {epoch}의 가중치, 채널 {channels}개, 색 척도 ±{scale:.3g} (주황 음수, 파랑 양수). 에폭이 "
                               "끝날 때마다 새로 그립니다.",
                               "Weights after epoch {epoch}, {channels} channels, colour scale ±{scale:.3g} (orange "
                               "negative, blue positive); redrawn as each epoch ends."),
}
