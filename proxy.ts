// Every page needs a session; unsigned visitors go to /login. API routes answer 401 themselves
// (they also accept API tokens), so they are not matched here.
import { NextResponse } from "next/server";
import { auth } from "@/lib/auth/auth";

export const proxy = auth((request) => {
  if (request.auth) return NextResponse.next();
  const login = new URL("/login", request.nextUrl.origin);
  const back = request.nextUrl.pathname + request.nextUrl.search;
  if (back !== "/") login.searchParams.set("callbackUrl", back);
  return NextResponse.redirect(login);
});

export const config = {
  matcher: ["/((?!api|login|_next/static|_next/image|favicon.ico|icon.svg|fonts).*)"],
};
