/** What the server says in English about live results (server-sent events). */
export const live = {
  requestNotJson: () => "The request parameter is not JSON: send the URL-encoded JSON body of the same analysis's POST.",
  requestField: () => "the URL-encoded JSON of the analysis request",
};
