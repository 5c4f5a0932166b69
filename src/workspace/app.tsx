import { Layout } from "./components/layout.js";
import { PageHeading } from "./components/page-heading.js";
import { useBoot } from "./context.js";
import { EditorLoader } from "./editor/editor-loader.js";
import { NewSurvey } from "./pages/new-survey.js";
import { SurveyList } from "./pages/survey-list.js";
import { SurveyPage } from "./pages/survey-page.js";
import { Tokens } from "./pages/tokens.js";
import { Users } from "./pages/users.js";
import { useRoute } from "./router.js";

/** The workspace: the frame, and the page the address names. */
export function App() {
  const route = useRoute();
  const { words: w, user } = useBoot();
  let page;
  if (route.page === "surveys") page = <SurveyList />;
  else if (route.page === "survey") page = <SurveyPage key={route.name} name={route.name} tab={route.tab} responseId={route.responseId} reportId={route.reportId} />;
  else if (route.page === "editor") page = <EditorLoader key={route.name} name={route.name} />;
  else if (route.page === "newSurvey") page = <NewSurvey />;
  else if (route.page === "tokens") page = <Tokens />;
  else if (route.page === "users" && user.admin) page = <Users />;
  else page = <PageHeading focusKey="not-found">{w.common.notFound}</PageHeading>;
  return <Layout route={route}>{page}</Layout>;
}
