"""The inside-the-network pages in Chromium: the autograd graphs' DOT text really draws in the browser
(st.graphviz_chart renders it client-side), the buttons change it, and the plots appear."""

import pytest

from tests.browser import browser_page, needs_chromium, screenshot, wait_for_app

pytestmark = [pytest.mark.browser, needs_chromium]


def _svg_text(page) -> str:
    chart = page.locator('[data-testid="stGraphVizChart"] svg').first
    chart.wait_for(timeout=30_000)
    return chart.text_content()


def test_autograd_graph_draws_and_backward_frees_saved_tensors(app_url):
    with browser_page(height=2400) as page:
        page.goto(f"{app_url}/autograd?lang=en")
        wait_for_app(page)
        text = _svg_text(page)
        for label in ("BinaryCrossEntropyWithLogitsBackward0", "AddBackward0", "AccumulateGrad", "w", "(5, 3)"):
            assert label in text
        assert "(freed)" not in text
        page.get_by_role("button", name="loss.backward()").click()
        page.locator('[data-testid="stGraphVizChart"] svg text', has_text="(freed)").first.wait_for(timeout=30_000)
        assert "print(w.grad)" in page.locator('[data-testid="stCode"]').all_inner_texts()[1]
        screenshot(page, "inside-autograd-backward-en")
        page.get_by_role("tab").nth(3).click()
        page.locator('[data-testid="stGraphVizChart"] svg text', has_text="AddmmBackward0").first.wait_for(
            timeout=30_000)
        assert "linear_relu_stack.0.weight" in page.locator('[data-testid="stGraphVizChart"] svg').last.text_content()
        screenshot(page, "inside-autograd-model-en")
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.refused == []


def test_activation_and_layer_plots_draw_in_korean(app_url):
    with browser_page(locale="ko-KR", height=2400) as page:
        page.goto(f"{app_url}/activations?lang=ko")
        wait_for_app(page)
        page.locator(".js-plotly-plot").nth(1).wait_for(timeout=30_000)
        assert page.locator(".js-plotly-plot").count() >= 2
        page.goto(f"{app_url}/layers?lang=ko")
        wait_for_app(page)
        page.locator(".js-plotly-plot").nth(3).wait_for(timeout=30_000)
        assert "ReLU가 0으로 만든 값" in page.locator('[data-testid="stMetric"]').first.inner_text()
        screenshot(page, "inside-layers-ko")
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.refused == []


def test_a_spec_loaded_in_its_tab_redraws_the_whole_model_page(app_url):
    # The JSON tab's click reruns only the tabs (ui/lazy.py): the editor and the parameter count above must
    # still show the loaded network.
    import json

    from engine import PRESETS

    with browser_page() as page:
        page.goto(f"{app_url}/model?lang=en")
        wait_for_app(page)
        page.get_by_role("tab", name="JSON").click()
        area = page.locator(".st-key-model_spec_paste textarea")
        area.wait_for(timeout=30_000)
        area.fill(json.dumps(PRESETS["dense_128_model"].to_dict()))
        page.keyboard.press("Control+Enter")
        page.locator(".st-key-model_spec_load button").click()
        page.get_by_text("Loaded.").wait_for(timeout=30_000)
        page.get_by_text("9,313 parameters").wait_for(timeout=30_000)  # the status line above the tabs
        assert page.locator(".st-key-model_spec_paste textarea").input_value().startswith("{")
        screenshot(page, "model-json-loaded-en")
        assert page.locator('[data-testid="stException"]').count() == 0
