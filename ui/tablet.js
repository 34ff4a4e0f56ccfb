// Fold the sidebar away once per tab on a screen narrower than a laptop's (a tablet held upright):
// Streamlit folds it only below its own phone breakpoint, and at 800 px it takes 300 px of the page.
// Once folded, the student's own choice (the » button) is left alone.
export default function ({ data }) {
  if (!data || window.innerWidth >= data.width || sessionStorage.getItem("torchPlaygroundSidebarFolded")) return;
  sessionStorage.setItem("torchPlaygroundSidebarFolded", "1");
  const fold = () => document.querySelector('[data-testid="stSidebarCollapseButton"] button');
  const press = (tries) => {
    if (fold()) fold().click();
    else if (tries > 0) setTimeout(() => press(tries - 1), 100);
  };
  press(20);
}
