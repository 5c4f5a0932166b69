import { useWords } from "../../context.js";
import type { SurveyPageProps } from "../survey-page.js";
import { ReportBuilder } from "./report-builder.js";
import { ReportList } from "./report-list.js";

/** The survey's reports tab: the list, or one report's builder. */
export function Reports(props: SurveyPageProps & { reportId?: string }) {
  const w = useWords();
  if (props.reportId === undefined) return <ReportList {...props} />;
  if (!/^[1-9][0-9]{0,9}$/.test(props.reportId)) return <p class="empty">{w.common.notFound}</p>;
  const id = Number(props.reportId);
  return <ReportBuilder {...props} id={id} key={id} />;
}
